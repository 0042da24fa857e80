import { Module } from '@nestjs/common';
import { CustodyModule } from '../custody/custody.module';
import { EvidenceStoreModule } from '../store/evidence-store.module';
import { SampleCustodyUseCase } from './sample-custody.usecase';
import { SealSampleUseCase } from './seal-sample.usecase';
import { SealingDocumentStore } from './sealing-document-store';
import { SealingController } from './sealing.controller';
import { SealingQueries } from './sealing.queries';

@Module({
  imports: [EvidenceStoreModule, CustodyModule],
  controllers: [SealingController],
  providers: [SealSampleUseCase, SampleCustodyUseCase, SealingDocumentStore, SealingQueries],
})
export class SealingModule {}
