import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Public } from '@qis/auth';
import { IsIn, IsOptional } from 'class-validator';
import type { Response } from 'express';
import { BOM, csvLine } from '../open-data/csv';
import { PublicRiskWarningQueries } from './public-risk-warning.queries';
import { RISK_WARNING_FIELDS } from './risk-warning-fields';

class RiskWarningsCsvQuery {
  @ApiPropertyOptional({
    enum: ['en', 'zh'],
    default: 'en',
    description: 'header row: field names or Chinese',
  })
  @IsOptional()
  @IsIn(['en', 'zh'])
  header?: 'en' | 'zh';
}

/** Risk warnings in force as open data (开放数据), anonymous: CSV (UTF-8 with a BOM). */
@ApiTags('open-data')
@Controller('open-data')
export class RiskWarningsOpenDataController {
  constructor(private readonly queries: PublicRiskWarningQueries) {}

  @Get('risk-warnings.csv')
  @Public()
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV, UTF-8 with a BOM: the consumer risk warnings in force, newest first',
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  @ApiOperation({ summary: 'Consumer risk warnings in force as CSV (withdrawn ones left out)' })
  async riskWarningsCsv(@Query() query: RiskWarningsCsvQuery, @Res() res: Response): Promise<void> {
    const header = csvLine(RISK_WARNING_FIELDS.map(([name, zh]) => (query.header === 'zh' ? zh : name)));
    const lines = (await this.queries.inForce()).map((view) =>
      csvLine(RISK_WARNING_FIELDS.map(([name]) => view[name])),
    );
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', 'attachment; filename="qis-risk-warnings.csv"');
    res.send(BOM + header + lines.join(''));
  }
}
