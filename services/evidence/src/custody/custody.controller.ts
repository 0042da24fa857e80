import {
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import {
  ApiBadGatewayResponse,
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { AuditService, CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { CustodyCheckpoints } from './checkpoints/custody-checkpoints';
import { CustodyCheckpointView, CustodyReport } from './custody-report.view';
import { VerifyCustodyQuery } from './verify-custody.query';
import {
  CustodyVerificationView,
  StartCustodyVerificationCommand,
} from './verifications/custody-verification.view';
import { CustodyVerifications } from './verifications/custody-verifications';
import { VerifyCustodyUseCase } from './verify-custody.usecase';

@ApiTags('custody')
@Controller('custody')
export class CustodyController {
  constructor(
    private readonly verify: VerifyCustodyUseCase,
    private readonly audit: AuditService,
    private readonly checkpoints: CustodyCheckpoints,
    private readonly verifications: CustodyVerifications,
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

  @Post('checkpoints')
  @HttpCode(201)
  @Policy({ roles: ['auditor', 'admin'] })
  @ApiOperation({
    summary:
      'Checkpoint the custody chain now: its head stamped by the RFC 3161 time-stamping authority, kept in the locked bucket',
    description:
      'Checkpoints are also taken every EVIDENCE_CHECKPOINT_INTERVAL_MINUTES when the chain moved. Verification holds the chain to every checkpoint.',
  })
  @ApiCreatedResponse({ type: CustodyCheckpointView })
  @ApiNotFoundResponse({ description: 'the ledger is empty: nothing to checkpoint' })
  @ApiServiceUnavailableResponse({ description: 'no time-stamping authority is configured' })
  @ApiBadGatewayResponse({ description: 'the time-stamping authority failed or its token did not verify' })
  async checkpoint(@CurrentActor() actor: AuditActor): Promise<CustodyCheckpointView> {
    const taken = await this.checkpoints.take();
    if (!taken) throw new NotFoundException('the custody ledger is empty: nothing to checkpoint');
    await this.audit.record(actor, {
      action: 'custody.checkpoint',
      entityType: 'custody-ledger',
      entityId: taken.headSeq,
      detail: { headHash: taken.headHash, genTime: taken.genTime, serialNumber: taken.serialNumber },
    });
    const { type: _type, ledger: _ledger, ...view } = taken;
    return view;
  }

  @Post('verifications')
  @HttpCode(202)
  @Policy({ roles: ['auditor', 'admin'] })
  @ApiOperation({
    summary: 'Start a custody verification in the background (the whole chain, its checkpoints, the objects)',
    description:
      "Answers at once with the job; poll GET /custody/verifications/{id} for its progress and report. With `batchNumber`, only that batch's objects are re-hashed. Each object is re-hashed in the version the ledger recorded, which must also be the version its key serves.",
  })
  @ApiAcceptedResponse({ type: CustodyVerificationView })
  async startVerification(
    @CurrentActor() actor: AuditActor,
    @Body() cmd: StartCustodyVerificationCommand,
  ): Promise<CustodyVerificationView> {
    return this.verifications.request(actor, cmd.batchNumber);
  }

  @Get('verifications/:id')
  @Policy({ roles: ['auditor', 'admin'] })
  @ApiOperation({ summary: 'A background custody verification: status, progress, and its report once done' })
  @ApiOkResponse({ type: CustodyVerificationView })
  @ApiNotFoundResponse({ description: 'no such verification' })
  async getVerification(@Param('id', new ParseUUIDPipe()) id: string): Promise<CustodyVerificationView> {
    return this.verifications.find(id);
  }
}
