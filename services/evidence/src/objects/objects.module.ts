import { Module } from '@nestjs/common';
import { CustodyModule } from '../custody/custody.module';
import { EvidenceStoreModule } from '../store/evidence-store.module';
import { DeleteObjectUseCase } from './delete-object.usecase';
import { ExtendRetentionUseCase } from './extend-retention.usecase';
import { FinalizeUploadUseCase } from './finalize-upload.usecase';
import { IssueDownloadUseCase } from './issue-download.usecase';
import { ObjectsController } from './objects.controller';
import { StartUploadUseCase } from './start-upload.usecase';

@Module({
  imports: [EvidenceStoreModule, CustodyModule],
  controllers: [ObjectsController],
  providers: [
    StartUploadUseCase,
    FinalizeUploadUseCase,
    IssueDownloadUseCase,
    DeleteObjectUseCase,
    ExtendRetentionUseCase,
  ],
})
export class ObjectsModule {}
