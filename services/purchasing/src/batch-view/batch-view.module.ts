import { Module } from '@nestjs/common';
import { BatchStagesController } from './batch-stages.controller';
import { FindBatchesByOrderUseCase } from './find-batches-by-order.usecase';

/** Where each batch stands in purchasing, and the batches of an order. */
@Module({
  controllers: [BatchStagesController],
  providers: [FindBatchesByOrderUseCase],
})
export class BatchViewModule {}
