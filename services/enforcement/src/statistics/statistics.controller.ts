import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { EnforcementOverviewQuery } from './enforcement-overview.query';
import { EnforcementOverviewParams } from './enforcement-overview.query-dto';
import { EnforcementOverviewView } from './enforcement-overview.view';

/** Enforcement's figures for the staff dashboard. */
@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly figures: EnforcementOverviewQuery) {}

  @Get('overview')
  @Policy({ roles: ['enforcement-officer', 'auditor', 'admin'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Batches by stage, cases per authority area by status, and the month's legal deadlines met or missed, within the caller's jurisdiction",
  })
  @ApiOkResponse({ type: EnforcementOverviewView })
  statisticsOverview(
    @CurrentPrincipal() principal: Principal,
    @Query() query: EnforcementOverviewParams,
  ): Promise<EnforcementOverviewView> {
    return this.figures.overview(principal, query.month);
  }
}
