import { Module } from '@nestjs/common';
import { DelegationsModule } from '../delegations/delegations.module';
import { KernelModule } from '../kernel/kernel.module';
import { RoutingModule } from '../routing/routing.module';
import { BatchScope } from './batch-scope';

/** The one rule for which batches a caller sees, used by every route of a batch's records. */
@Module({
  imports: [KernelModule, RoutingModule, DelegationsModule],
  providers: [BatchScope],
  exports: [BatchScope],
})
export class ScopeModule {}
