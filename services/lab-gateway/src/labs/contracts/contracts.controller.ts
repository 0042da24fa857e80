import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { CurrentPrincipal, notFound, Policy, type Principal } from '@qis/auth';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import { WaitingDispatchScheduler } from '../../dispatch/waiting-dispatch.scheduler';
import { IdempotencyService } from '../../idempotency/idempotency.service';
import { AmendContractCommand } from './amend-contract.command';
import { ChangeContractUseCase } from './change-contract.usecase';
import { ContractHistoryView } from './contract-history.view';
import { ContractQueries } from './contract.queries';
import { ContractView } from './contract.view';
import { EndContractCommand } from './end-contract.command';
import { RecordContractCommand } from './record-contract.command';
import { RecordContractUseCase } from './record-contract.usecase';
import { IDEMPOTENCY_KEY_HEADER } from '../../idempotency/idempotency-key.header';

const REJECTED =
  'a term ending before it starts, a category twice or outside the accreditation scope, a term overlapping another contract of the lab; `errors` names the field';

/** Entrustment contracts (委托检验合同) of the registry's labs: recorded, amended and ended by an administrator. */
@ApiTags('labs')
@Controller()
export class ContractsController {
  constructor(
    private readonly queries: ContractQueries,
    private readonly idempotency: IdempotencyService,
    private readonly record: RecordContractUseCase,
    private readonly change: ChangeContractUseCase,
    private readonly waiting: WaitingDispatchScheduler,
  ) {}

  @Get('lab-contracts')
  @Policy({ roles: ['admin', 'auditor'] })
  @ApiOperation({ summary: "Every lab's contracts as they stand (the latest version of each)" })
  @ApiOkResponse({ type: [ContractView] })
  async listContracts(): Promise<ContractView[]> {
    return this.queries.current();
  }

  @Get('labs/:id/contracts')
  @Policy({ roles: ['admin', 'auditor'] })
  @ApiOperation({ summary: "A lab's contracts, newest term first, each with its earlier versions" })
  @ApiOkResponse({ type: [ContractHistoryView] })
  @ApiNotFoundResponse({ description: 'no such lab' })
  async labContracts(@Param('id', new ParseUUIDPipe()) id: string): Promise<ContractHistoryView[]> {
    const history = await this.queries.history(id);
    if (!history) throw notFound('lab', id);
    return history;
  }

  @Post('labs/:id/contracts')
  @HttpCode(201)
  @Policy({ roles: ['admin'] })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: "Record a lab's signed entrustment contract" })
  @ApiCreatedResponse({ type: ContractView })
  @ApiNotFoundResponse({ description: 'no such lab' })
  @ApiConflictResponse({ description: 'a contract with this number is already on record' })
  @ApiUnprocessableEntityResponse({ description: REJECTED })
  async recordContract(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() cmd: RecordContractCommand,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
  ): Promise<ContractView> {
    const contract = await this.once(principal, key, req, cmd, 201, (m) =>
      this.record.execute(m, id, cmd, actor),
    );
    this.waiting.kick(); // samples may wait for a lab under contract
    return contract;
  }

  @Post('labs/:id/contracts/:contractId/amendments')
  @HttpCode(201)
  @Policy({ roles: ['admin'] })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({ summary: 'Amend a contract (supplementary agreement): its next version, the earlier kept' })
  @ApiCreatedResponse({ type: ContractView })
  @ApiNotFoundResponse({ description: 'no such lab, or no such contract of it' })
  @ApiConflictResponse({ description: 'the contract was ended' })
  @ApiUnprocessableEntityResponse({ description: REJECTED })
  async amendContract(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('contractId', new ParseUUIDPipe()) contractId: string,
    @Body() cmd: AmendContractCommand,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
  ): Promise<ContractView> {
    const contract = await this.once(principal, key, req, cmd, 201, (m) =>
      this.change.amend(m, id, contractId, cmd, actor),
    );
    this.waiting.kick(); // a category added or a term extended may take samples that wait
    return contract;
  }

  @Post('labs/:id/contracts/:contractId/end')
  @HttpCode(200)
  @Policy({ roles: ['admin'] })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiOperation({
    summary: 'End a contract before its term: no sample is drawn to the lab under it after endedOn',
  })
  @ApiOkResponse({ type: ContractView })
  @ApiNotFoundResponse({ description: 'no such lab, or no such contract of it' })
  @ApiConflictResponse({ description: 'the contract was already ended' })
  @ApiUnprocessableEntityResponse({ description: 'endedOn outside the term; `errors` names the field' })
  async endContract(
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: AuditActor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('contractId', new ParseUUIDPipe()) contractId: string,
    @Body() cmd: EndContractCommand,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: Request,
  ): Promise<ContractView> {
    return this.once(principal, key, req, cmd, 200, (m) => this.change.end(m, id, contractId, cmd, actor));
  }

  /** The change made once per Idempotency-Key of the administrator; a retry gets the stored answer. */
  private async once(
    principal: Principal,
    key: string | undefined,
    req: Request,
    body: object,
    status: number,
    work: (manager: EntityManager) => Promise<ContractView>,
  ): Promise<ContractView> {
    const answer = await this.idempotency.run(
      { scope: `sub:${principal.sub}`, key, method: req.method, path: req.path, body },
      status,
      work,
    );
    return answer.body;
  }
}
