import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { AssignBuyerUseCase } from './assign-buyer.usecase';
import { AssignmentScheduler } from './assignment-scheduler';
import { BatchIssuedConsumer } from './batch-issued.consumer';
import { PurchaseTask } from '../kernel/purchase-task.entity';
import { ReadDeliveryUseCase } from './read-delivery.usecase';
import { RefuseTaskUseCase } from './refuse-task.usecase';
import { TaskFinder } from './task-finder';
import { TaskQueries } from './task.queries';
import { TasksController } from './tasks.controller';

/** Purchase tasks from issued batches, assigned to buyers, refused or reassigned. */
@Module({
  imports: [TypeOrmModule.forFeature([PurchaseTask]), IdentityModule],
  controllers: [TasksController],
  providers: [
    AssignBuyerUseCase,
    AssignmentScheduler,
    BatchIssuedConsumer,
    TaskFinder,
    RefuseTaskUseCase,
    ReadDeliveryUseCase,
    TaskQueries,
  ],
  exports: [AssignBuyerUseCase, TaskFinder],
})
export class AssignmentModule {}
