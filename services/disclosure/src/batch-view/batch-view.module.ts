import { Module } from '@nestjs/common';
import { BatchStagesController } from './batch-stages.controller';

/** GET /batches/{batchNumber}/stages: disclosure's part of the batch timeline. */
@Module({ controllers: [BatchStagesController] })
export class BatchViewModule {}
