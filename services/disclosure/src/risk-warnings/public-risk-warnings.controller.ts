import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { notFound, Public } from '@qis/auth';
import { Repository } from 'typeorm';
import { PublicRiskWarning } from './public-risk-warning.entity';
import { PublicRiskWarningPage, PublicRiskWarningView } from './public-risk-warning.view';
import { RiskWarningPageQuery } from './risk-warning-page.query';

/** Consumer risk warnings (消费风险警示), anonymous: the public page reads these. */
@ApiTags('public')
@Controller('public/risk-warnings')
export class PublicRiskWarningsController {
  constructor(
    @InjectRepository(PublicRiskWarning) private readonly warnings: Repository<PublicRiskWarning>,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Consumer risk warnings in force, newest first; status=withdrawn lists those taken down, each with its reason',
  })
  @ApiOkResponse({ type: PublicRiskWarningPage })
  async listPublicRiskWarnings(@Query() query: RiskWarningPageQuery): Promise<PublicRiskWarningPage> {
    const status = query.status ?? 'issued';
    const [rows, total] = await this.warnings.findAndCount({
      where: { status },
      order: status === 'withdrawn' ? { withdrawnAt: 'DESC', id: 'ASC' } : { issuedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return {
      items: rows.map((w) => PublicRiskWarningView.of(w)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One risk warning; a withdrawn one answers with its status and reason' })
  @ApiOkResponse({ type: PublicRiskWarningView })
  async getPublicRiskWarning(@Param('id', new ParseUUIDPipe()) id: string): Promise<PublicRiskWarningView> {
    const found = await this.warnings.findOneBy({ id });
    if (!found) throw notFound('risk warning', id);
    return PublicRiskWarningView.of(found);
  }
}
