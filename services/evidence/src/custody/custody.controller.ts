import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService, CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { CustodyReport } from './custody-report.view';
import { VerifyCustodyUseCase } from './verify-custody.usecase';

@ApiTags('custody')
@Controller('custody')
export class CustodyController {
  constructor(
    private readonly verify: VerifyCustodyUseCase,
    private readonly audit: AuditService,
  ) {}

  @Get('verify')
  @Policy({ roles: ['auditor', 'admin'] })
  @ApiOperation({
    summary: 'Recompute the custody chain and every object hash from the store; report the first break',
  })
  @ApiOkResponse({ type: CustodyReport })
  async run(@CurrentActor() actor: AuditActor): Promise<CustodyReport> {
    const report = await this.verify.execute();
    await this.audit.record(actor, {
      action: 'custody.verify',
      entityType: 'custody-ledger',
      outcome: report.intact ? 'success' : 'failure',
      detail: { ...report },
    });
    return report;
  }
}
