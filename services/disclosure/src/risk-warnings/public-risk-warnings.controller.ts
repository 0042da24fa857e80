import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { notFound, Public } from '@qis/auth';
import { PublicRiskWarningQueries } from './public-risk-warning.queries';
import { PublicRiskWarningPage, PublicRiskWarningView } from './public-risk-warning.view';
import { RiskWarningPageQuery } from './risk-warning-page.query';

/** Consumer risk warnings (消费风险警示), anonymous: the public page reads these. */
@ApiTags('public')
@Controller('public/risk-warnings')
export class PublicRiskWarningsController {
  constructor(private readonly queries: PublicRiskWarningQueries) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Consumer risk warnings in force, newest first; status=withdrawn lists those taken down, each with its reason',
  })
  @ApiOkResponse({ type: PublicRiskWarningPage })
  async listPublicRiskWarnings(@Query() query: RiskWarningPageQuery): Promise<PublicRiskWarningPage> {
    return this.queries.page(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One risk warning; a withdrawn one answers with its status and reason' })
  @ApiOkResponse({ type: PublicRiskWarningView })
  async getPublicRiskWarning(@Param('id', new ParseUUIDPipe()) id: string): Promise<PublicRiskWarningView> {
    const found = await this.queries.one(id);
    if (!found) throw notFound('risk warning', id);
    return found;
  }
}
