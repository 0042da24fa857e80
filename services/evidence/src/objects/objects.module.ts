import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CustodyModule } from '../custody/custody.module';
import { EvidenceStoreModule } from '../store/evidence-store.module';
import { DeclarePartsUseCase } from './declare-parts.usecase';
import { DeleteObjectUseCase } from './delete-object.usecase';
import { ExtendRetentionUseCase } from './extend-retention.usecase';
import { FinalizeUploadUseCase } from './finalize-upload.usecase';
import { IssueDownloadUseCase } from './issue-download.usecase';
import { ObjectsController } from './objects.controller';
import { ReadCustodyTrailUseCase } from './read-custody-trail.usecase';
import { ReadObjectUseCase } from './read-object.usecase';
import { ReadUploadStatusUseCase } from './read-upload-status.usecase';
import { RenewUploadUseCase } from './renew-upload.usecase';
import { StartUploadUseCase } from './start-upload.usecase';
import { UploadFinalizer } from './upload-finalizer';
import { UploadQuota } from './upload-quota';

@Module({
  imports: [EvidenceStoreModule, CustodyModule, AccessModule],
  controllers: [ObjectsController],
  providers: [
    StartUploadUseCase,
    RenewUploadUseCase,
    DeclarePartsUseCase,
    FinalizeUploadUseCase,
    IssueDownloadUseCase,
    DeleteObjectUseCase,
    ExtendRetentionUseCase,
    ReadObjectUseCase,
    ReadCustodyTrailUseCase,
    ReadUploadStatusUseCase,
    UploadFinalizer,
    UploadQuota,
  ],
})
export class ObjectsModule {}
