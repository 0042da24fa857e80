import { Module } from '@nestjs/common';
import { KernelModule } from '../kernel/kernel.module';
import { ScopeModule } from '../scope/scope.module';
import { AlertQueries } from './alert.queries';
import { DeadlinesController } from './deadlines.controller';
import { ListDeadlinesUseCase } from './list-deadlines.usecase';

/** The open legal deadlines and the alerts, as the caller's scope allows. */
@Module({
  imports: [KernelModule, ScopeModule],
  controllers: [DeadlinesController],
  providers: [ListDeadlinesUseCase, AlertQueries],
})
export class DeadlinesModule {}
