import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { CurrentActor, type AuditActor } from '@qis/audit';
import { Policy } from '@qis/auth';
import { DataSource } from 'typeorm';
import { shanghaiDate } from '@qis/domain';
import { DelegationIdParams } from './delegation-id.params';
import { DelegationListQuery } from './delegation-list.query';
import { DelegationStore } from './delegation-store';
import { delegationView, DelegationView } from './delegation.view';
import { RecordDelegationCommand } from './record-delegation.command';
import { RecordDelegationUseCase } from './record-delegation.usecase';
import { RevokeDelegationCommand } from './revoke-delegation.command';
import { RevokeDelegationUseCase } from './revoke-delegation.usecase';

const READERS = ['planner', 'approver', 'auditor'] as const;

/** Delegated sampling (一事一委托): the city bureau's letters of delegation to its district bureaus. */
@ApiTags('delegations')
@Controller('delegations')
export class DelegationsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: DelegationStore,
    private readonly recorder: RecordDelegationUseCase,
    private readonly revoker: RevokeDelegationUseCase,
  ) {}

  @Post()
  @Policy({ roles: ['approver'] })
  @ApiOperation({
    summary:
      'Delegate one plan (with all its batches) or one batch to a district bureau of the city, under a letter of delegation; publishes sampling-delegated for each batch',
  })
  @ApiCreatedResponse({ type: DelegationView })
  @ApiNotFoundResponse({ description: 'no such plan or batch' })
  @ApiConflictResponse({
    description:
      'one matter, one delegation (`rule: one-matter-one-delegation`): the plan, the batch or its plan is already delegated; or the plan is closed',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'not a district of the city (`delegateAreaCode`), sampling not among the acts, validity ending before it starts or already over; `errors` names the field',
  })
  async recordDelegation(
    @Body() command: RecordDelegationCommand,
    @CurrentActor() actor: AuditActor,
  ): Promise<DelegationView> {
    return delegationView(await this.recorder.execute(command, actor), shanghaiDate(new Date()));
  }

  @Get()
  @Policy({ roles: [...READERS] })
  @ApiOperation({ summary: "Delegations, newest first: a plan's, those covering a batch, by state" })
  @ApiOkResponse({ type: [DelegationView] })
  async listDelegations(@Query() query: DelegationListQuery): Promise<DelegationView[]> {
    const today = shanghaiDate(new Date());
    const found = await this.store.list(this.dataSource.manager, query, today);
    return found.map((d) => delegationView(d, today));
  }

  @Get(':id')
  @Policy({ roles: [...READERS] })
  @ApiOkResponse({ type: DelegationView })
  @ApiNotFoundResponse({ description: 'no such delegation' })
  async getDelegation(@Param() params: DelegationIdParams): Promise<DelegationView> {
    return delegationView(
      await this.store.load(this.dataSource.manager, params.id),
      shanghaiDate(new Date()),
    );
  }

  @Post(':id/revocation')
  @HttpCode(200)
  @Policy({ roles: ['approver'] })
  @ApiOperation({
    summary:
      'Revoke a delegation, with the reason (kept, never deleted); the district’s access to its batches ends',
  })
  @ApiOkResponse({ type: DelegationView })
  @ApiNotFoundResponse({ description: 'no such delegation' })
  @ApiConflictResponse({ description: 'already revoked' })
  async revokeDelegation(
    @Param() params: DelegationIdParams,
    @Body() command: RevokeDelegationCommand,
    @CurrentActor() actor: AuditActor,
  ): Promise<DelegationView> {
    return delegationView(await this.revoker.execute(params.id, command, actor), shanghaiDate(new Date()));
  }
}
