import { Module } from '@nestjs/common';
import { BatchStagesQueries } from './batch-stages.queries';
import { BatchesController } from './batches.controller';
import { SearchBatchesUseCase } from './search-batches.usecase';

@Module({ controllers: [BatchesController], providers: [SearchBatchesUseCase, BatchStagesQueries] })
export class BatchesModule {}
