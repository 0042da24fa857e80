import { Module } from '@nestjs/common';
import { KernelModule } from '../kernel/kernel.module';
import { ScopeModule } from '../scope/scope.module';
import { BatchStagesController } from './batch-stages.controller';
import { BatchStagesQueries } from './batch-stages.queries';

/** Where each batch in the caller's scope stands. */
@Module({
  imports: [KernelModule, ScopeModule],
  controllers: [BatchStagesController],
  providers: [BatchStagesQueries],
})
export class BatchStagesModule {}
