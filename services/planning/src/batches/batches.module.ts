import { Module } from '@nestjs/common';
import { BatchesController } from './batches.controller';
import { SearchBatchesUseCase } from './search-batches.usecase';

@Module({ controllers: [BatchesController], providers: [SearchBatchesUseCase] })
export class BatchesModule {}
