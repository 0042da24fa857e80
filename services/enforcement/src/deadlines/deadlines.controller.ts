import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditService, CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { Repository } from 'typeorm';
import { Alert } from './alert.entity';
import { AlertView } from './alert.view';
import { AlertsQuery } from './alerts-query.dto';
import { ScanDeadlinesUseCase } from './scan-deadlines.usecase';
import { ScanResultView } from './scan-result.view';

@ApiTags('deadlines')
@Controller()
export class DeadlinesController {
  constructor(
    @InjectRepository(Alert) private readonly alerts: Repository<Alert>,
    private readonly scan: ScanDeadlinesUseCase,
    private readonly audit: AuditService,
  ) {}

  @Get('alerts')
  @Policy({ roles: ['enforcement-officer', 'approver', 'auditor', 'admin'] })
  @ApiOperation({
    summary:
      "Breached deadlines (result notices not sent in 5 working days, overdue cases), deadlines waiting for a year's holiday schedule, and the year whose schedule is missing (from 1 November)",
  })
  @ApiOkResponse({ type: AlertView, isArray: true })
  async listAlerts(@Query() query: AlertsQuery): Promise<AlertView[]> {
    const found = await this.alerts.find({
      where: query.batchNumber ? { batchNumber: query.batchNumber } : {},
      order: { raisedAt: 'DESC' },
      take: 500,
    });
    return found.map((a) => AlertView.of(a));
  }

  @Post('deadlines/scan')
  @HttpCode(200)
  @Policy({ roles: ['admin'] })
  @ApiOperation({ summary: 'Run the deadline scan now (it also runs every DEADLINE_SCAN_INTERVAL_MS)' })
  @ApiOkResponse({ type: ScanResultView })
  async scanNow(@CurrentActor() actor: AuditActor): Promise<ScanResultView> {
    const handled = await this.scan.execute();
    await this.audit.record(actor, { action: 'deadlines.scan', entityType: 'deadline', detail: { handled } });
    return { handled };
  }
}
