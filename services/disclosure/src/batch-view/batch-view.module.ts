import { Module } from '@nestjs/common';
import { BatchStagesController } from './batch-stages.controller';
import { BatchStagesQueries } from './batch-stages.queries';

/** GET /batches/{batchNumber}/stages: disclosure's part of the batch timeline. */
@Module({ controllers: [BatchStagesController], providers: [BatchStagesQueries] })
export class BatchViewModule {}
