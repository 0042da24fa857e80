import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService, CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { CustodyReport } from './custody-report.view';
import { VerifyCustodyQuery } from './verify-custody.query';
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
    description:
      "With `batchNumber`, the whole chain is checked but only that batch's objects are re-hashed.",
  })
  @ApiOkResponse({ type: CustodyReport })
  @ApiBadRequestResponse({ description: 'batchNumber is not a batch number' })
  async run(
    @CurrentActor() actor: AuditActor,
    @Query() { batchNumber }: VerifyCustodyQuery,
  ): Promise<CustodyReport> {
    const report = await this.verify.execute(batchNumber);
    await this.audit.record(actor, {
      action: 'custody.verify',
      entityType: 'custody-ledger',
      outcome: report.intact ? 'success' : 'failure',
      detail: { ...report },
    });
    return report;
  }
}
