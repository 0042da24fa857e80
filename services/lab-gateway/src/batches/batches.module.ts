import { Module } from '@nestjs/common';
import { BatchStagesQueries } from './batch-stages.queries';
import { BatchesController } from './batches.controller';

@Module({ controllers: [BatchesController], providers: [BatchStagesQueries] })
export class BatchesModule {}
