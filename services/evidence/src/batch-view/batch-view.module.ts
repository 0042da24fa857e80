import { Module } from '@nestjs/common';
import { BatchStagesController } from './batch-stages.controller';

/** GET /batches/{batchNumber}/stages: the evidence service's part of the batch timeline. */
@Module({ controllers: [BatchStagesController] })
export class BatchViewModule {}
