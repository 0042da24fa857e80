import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DelegationsModule } from '../delegations/delegations.module';
import { DocumentsModule } from '../documents/documents.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { DeadlineHandlers } from '../kernel/deadline-handlers';
import { KernelModule } from '../kernel/kernel.module';
import { RoutingModule } from '../routing/routing.module';
import { ScopeModule } from '../scope/scope.module';
import { IssueResultNoticesUseCase } from './issue-result-notices.usecase';
import { IssueSamplingNoticesUseCase } from './issue-sampling-notices.usecase';
import { ListNoticesUseCase } from './list-notices.usecase';
import { NoticeEvidenceScheduler } from './notice-evidence-scheduler';
import { Notice } from './notice.entity';
import { NoticeQueries } from './notice.queries';
import { NoticesController } from './notices.controller';
import { RecordDeliveryFailureUseCase } from './record-delivery-failure.usecase';
import { RecordDeliveryUseCase } from './record-delivery.usecase';
import { ReinspectionLabNotice } from './reinspection-lab-notice.entity';
import { RenderNoticePdfUseCase } from './render-notice-pdf.usecase';
import { ResultNoticeDeadline } from './result-notice-deadline';
import { ResultNotifier } from './result-notifier';
import { StoreNoticePdfsUseCase } from './store-notice-pdfs.usecase';

/** Sampling and result notices: issued, delivered or failed, their PDFs stored as evidence. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Notice, ReinspectionLabNotice]),
    KernelModule,
    RoutingModule,
    ScopeModule,
    DelegationsModule,
    DocumentsModule,
    EvidenceModule,
  ],
  controllers: [NoticesController],
  providers: [
    IssueSamplingNoticesUseCase,
    IssueResultNoticesUseCase,
    ResultNotifier,
    RecordDeliveryUseCase,
    RecordDeliveryFailureUseCase,
    ListNoticesUseCase,
    RenderNoticePdfUseCase,
    StoreNoticePdfsUseCase,
    NoticeEvidenceScheduler,
    ResultNoticeDeadline,
    NoticeQueries,
  ],
  exports: [IssueSamplingNoticesUseCase, IssueResultNoticesUseCase, RenderNoticePdfUseCase],
})
export class NoticesModule implements OnModuleInit {
  constructor(
    private readonly deadlineHandlers: DeadlineHandlers,
    private readonly resultNotice: ResultNoticeDeadline,
  ) {}

  onModuleInit(): void {
    this.deadlineHandlers.register(this.resultNotice);
  }
}
