import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Policy, type Principal } from '@qis/auth';
import { AlertQueries } from './alert.queries';
import { AlertView } from './alert.view';
import { AlertsQuery } from './alerts-query.dto';
import { DeadlineView } from './deadline.view';
import { DeadlinesQuery } from './deadlines-query.dto';
import { ListDeadlinesUseCase } from './list-deadlines.usecase';

@ApiTags('deadlines')
@Controller()
export class DeadlinesController {
  constructor(
    private readonly alerts: AlertQueries,
    private readonly deadlines: ListDeadlinesUseCase,
  ) {}

  @Get('deadlines')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Open legal deadlines of the batches in the caller's scope, nearest first, each with its countdown in working days: result notices to send (5 working days), objection periods closing (15 days), re-inspection procedures (7 days), cases to close",
  })
  @ApiOkResponse({ type: DeadlineView, isArray: true })
  async listDeadlines(
    @CurrentPrincipal() principal: Principal,
    @Query() query: DeadlinesQuery,
  ): Promise<DeadlineView[]> {
    return this.deadlines.execute(principal, query.due);
  }

  @Get('alerts')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor', 'admin'], scope: 'jurisdiction' })
  @ApiOperation({
    summary:
      "Breached deadlines (result notices not sent in 5 working days, overdue cases), deadlines waiting for a year's holiday schedule, and the year whose schedule is missing (from 1 November)",
  })
  @ApiOkResponse({ type: AlertView, isArray: true })
  async listAlerts(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AlertsQuery,
  ): Promise<AlertView[]> {
    return this.alerts.visible(principal, query.batchNumber);
  }
}
