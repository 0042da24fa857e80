import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService, CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { ScanDeadlinesUseCase } from './scan-deadlines.usecase';
import { ScanResultView } from './scan-result.view';

@ApiTags('deadlines')
@Controller()
export class DeadlineScanController {
  constructor(
    private readonly scan: ScanDeadlinesUseCase,
    private readonly audit: AuditService,
  ) {}

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
