import { Module } from '@nestjs/common';
import { PlanStore } from '../plans/plan-store';
import { DelegationEvents } from './delegation-events';
import { DelegationStore } from './delegation-store';
import { DelegationsController } from './delegations.controller';
import { RecordDelegationUseCase } from './record-delegation.usecase';
import { RevokeDelegationUseCase } from './revoke-delegation.usecase';

/** Delegated sampling; exports the events issuance publishes for a delegated plan's new batches. */
@Module({
  controllers: [DelegationsController],
  providers: [PlanStore, DelegationStore, DelegationEvents, RecordDelegationUseCase, RevokeDelegationUseCase],
  exports: [DelegationEvents],
})
export class DelegationsModule {}
