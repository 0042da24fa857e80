import { Module } from '@nestjs/common';
import { BatchStagesController } from './batch-stages.controller';
import { BatchStagesQueries } from './batch-stages.queries';
import { FindBatchesByOrderUseCase } from './find-batches-by-order.usecase';

/** Where each batch stands in purchasing, and the batches of an order. */
@Module({
  controllers: [BatchStagesController],
  providers: [FindBatchesByOrderUseCase, BatchStagesQueries],
})
export class BatchViewModule {}
