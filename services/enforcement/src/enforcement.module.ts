import { BatchStagesController } from './batch-stages/batch-stages.controller';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BatchEventsConsumer } from './process/batch-events.consumer';
import { BatchFile } from './kernel/batch-file.entity';
import { RecordBatchFactUseCase } from './process/record-batch-fact.usecase';
import { ApproveHolidayScheduleUseCase } from './calendar/approve-holiday-schedule.usecase';
import { CalendarSource } from './kernel/calendar-source';
import { CalendarController } from './calendar/calendar.controller';
import { Clock } from './kernel/clock';
import { ClockController } from './calendar/clock.controller';
import { HolidaySchedule } from './calendar/holiday-schedule.entity';
import { MissingYearWatch } from './calendar/missing-year-watch';
import { ReturnHolidayScheduleUseCase } from './calendar/return-holiday-schedule.usecase';
import { SubmitHolidayScheduleUseCase } from './calendar/submit-holiday-schedule.usecase';
import { BatchScope } from './scope/batch-scope';
import { caseRouterProvider } from './cases/case-router.provider';
import { CaseTransitionsUseCase } from './cases/case-transitions.usecase';
import { CasesController } from './cases/cases.controller';
import { EnforcementCase } from './cases/enforcement-case.entity';
import { OpenCaseUseCase } from './cases/open-case.usecase';
import { RecordTakedownUseCase } from './cases/record-takedown.usecase';
import { RerouteCaseUseCase } from './cases/reroute-case.usecase';
import { TakedownReport } from './cases/takedown-report.entity';
import { TriageItem } from './cases/triage-item.entity';
import { TriageController } from './cases/triage.controller';
import { TriageSuggester } from './cases/triage-suggestion';
import { CreditEntry } from './credit/credit-entry.entity';
import { CreditController } from './credit/credit.controller';
import { FollowUpProposal } from './credit/follow-up-proposal.entity';
import { RecordFailureCreditUseCase } from './credit/record-failure-credit.usecase';
import { RecordFollowUpOutcomeUseCase } from './credit/record-follow-up-outcome.usecase';
import { SearchCreditFilesUseCase } from './credit/search-credit-files.usecase';
import { RiskWarningDecisionsUseCase } from './credit/risk-warnings/risk-warning-decisions.usecase';
import { RiskWarningScope } from './credit/risk-warnings/risk-warning-scope';
import { RiskWarning } from './credit/risk-warnings/risk-warning.entity';
import { RiskWarningsController } from './credit/risk-warnings/risk-warnings.controller';
import { AlertBook } from './kernel/alert-book';
import { Alert } from './kernel/alert.entity';
import { CompletePendingDeadlinesUseCase } from './kernel/complete-pending-deadlines.usecase';
import { DeadlineBook } from './kernel/deadline-book';
import { DeadlineScheduler } from './process/deadline-scheduler';
import { Deadline } from './kernel/deadline.entity';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { DelegationBook } from './delegations/delegation-book';
import { DelegationEventsConsumer } from './delegations/delegation-events.consumer';
import { RecordDelegationUseCase } from './delegations/record-delegation.usecase';
import { SamplingDelegationRecord } from './delegations/sampling-delegation.entity';
import { ScanDeadlinesUseCase } from './process/scan-deadlines.usecase';
import { ListDeadlinesUseCase } from './deadlines/list-deadlines.usecase';
import { ListNoticesUseCase } from './notices/list-notices.usecase';
import { RecordDeliveryFailureUseCase } from './notices/record-delivery-failure.usecase';
import { evidenceClientProvider } from './evidence/evidence-client.provider';
import { FinalizeResultUseCase } from './finality/finalize-result.usecase';
import { IssueResultNoticesUseCase } from './notices/issue-result-notices.usecase';
import { IssueSamplingNoticesUseCase } from './notices/issue-sampling-notices.usecase';
import { ResultNoticeDeadline } from './notices/result-notice-deadline';
import { CaseOverdueDeadline } from './cases/case-overdue-deadline';
import { ReinspectionProceduresDeadline } from './objections/reinspection-procedures-deadline';
import { ObjectionWindowDeadline } from './objections/objection-window-deadline';
import { DeadlineHandlers } from './kernel/deadline-handlers';
import { ResultFinality } from './kernel/result-finality';
import { DeadlineScanController } from './process/deadline-scan.controller';
import { Notice } from './notices/notice.entity';
import { NoticeEvidenceScheduler } from './notices/notice-evidence-scheduler';
import { NoticesController } from './notices/notices.controller';
import { RecordDeliveryUseCase } from './notices/record-delivery.usecase';
import { RenderNoticePdfUseCase } from './notices/render-notice-pdf.usecase';
import { ResultNotifier } from './notices/result-notifier';
import { StoreNoticePdfsUseCase } from './notices/store-notice-pdfs.usecase';
import { CompleteProceduresUseCase } from './objections/complete-procedures.usecase';
import { WaiveReinspectionUseCase } from './objections/waive-reinspection.usecase';
import { ConfirmFilingUseCase } from './objections/confirm-filing.usecase';
import { DecideObjectionUseCase } from './objections/decide-objection.usecase';
import { FileObjectionUseCase } from './objections/file-objection.usecase';
import { Objection } from './objections/objection.entity';
import { ObjectionsController } from './objections/objections.controller';
import { RecordMaterialUseCase } from './objections/record-material.usecase';
import { RenderMaterialsChecklistUseCase } from './objections/render-materials-checklist.usecase';
import { PdfRenderer } from './documents/pdf-renderer';
import { ReinspectionLabNotice } from './notices/reinspection-lab-notice.entity';
import { RecordReinspectionLabUseCase } from './objections/record-reinspection-lab.usecase';
import { RecordLabNoticeDeliveryUseCase } from './objections/record-lab-notice-delivery.usecase';
import { ReinspectionLabNoticesController } from './objections/reinspection-lab-notices.controller';
import { IssueTransferLetterUseCase } from './cases/transfer-letter/issue-transfer-letter.usecase';
import { RenderTransferLetterPdfUseCase } from './cases/transfer-letter/render-transfer-letter-pdf.usecase';
import { StoreTransferLettersUseCase } from './cases/transfer-letter/store-transfer-letters.usecase';
import { TransferLetterEvidenceScheduler } from './cases/transfer-letter/transfer-letter-evidence.scheduler';
import { TransferLetter } from './cases/transfer-letter/transfer-letter.entity';
import { TransferLettersController } from './cases/transfer-letter/transfer-letters.controller';
import { EnforcementOverviewQuery } from './statistics/enforcement-overview.query';
import { StatisticsController } from './statistics/statistics.controller';

export const enforcementEntities = [
  BatchFile,
  Notice,
  Deadline,
  Alert,
  Objection,
  EnforcementCase,
  TriageItem,
  TakedownReport,
  CreditEntry,
  FollowUpProposal,
  RiskWarning,
  HolidaySchedule,
  TransferLetter,
  ReinspectionLabNotice,
  SamplingDelegationRecord,
];

/** Notices and deadlines, objections and re-inspection, routing to jurisdiction, cases, credit. */
@Module({
  imports: [TypeOrmModule.forFeature(enforcementEntities)],
  controllers: [
    NoticesController,
    ObjectionsController,
    ReinspectionLabNoticesController,
    CasesController,
    TriageController,
    TransferLettersController,
    CreditController,
    RiskWarningsController,
    DeadlinesController,
    DeadlineScanController,
    CalendarController,
    ClockController,
    BatchStagesController,
    StatisticsController,
  ],
  providers: [
    Clock,
    CalendarSource,
    SubmitHolidayScheduleUseCase,
    ApproveHolidayScheduleUseCase,
    ReturnHolidayScheduleUseCase,
    MissingYearWatch,
    CompletePendingDeadlinesUseCase,
    caseRouterProvider,
    BatchScope,
    BatchEventsConsumer,
    RecordBatchFactUseCase,
    IssueSamplingNoticesUseCase,
    IssueResultNoticesUseCase,
    DeadlineHandlers,
    ResultNoticeDeadline,
    CaseOverdueDeadline,
    ReinspectionProceduresDeadline,
    ObjectionWindowDeadline,
    { provide: ResultFinality, useExisting: FinalizeResultUseCase },
    ResultNotifier,
    RecordDeliveryUseCase,
    RecordDeliveryFailureUseCase,
    ListNoticesUseCase,
    ListDeadlinesUseCase,
    RenderNoticePdfUseCase,
    evidenceClientProvider,
    StoreNoticePdfsUseCase,
    NoticeEvidenceScheduler,
    FileObjectionUseCase,
    DecideObjectionUseCase,
    CompleteProceduresUseCase,
    WaiveReinspectionUseCase,
    ConfirmFilingUseCase,
    RecordMaterialUseCase,
    RenderMaterialsChecklistUseCase,
    PdfRenderer,
    RecordReinspectionLabUseCase,
    RecordLabNoticeDeliveryUseCase,
    FinalizeResultUseCase,
    OpenCaseUseCase,
    IssueTransferLetterUseCase,
    RenderTransferLetterPdfUseCase,
    StoreTransferLettersUseCase,
    TransferLetterEvidenceScheduler,
    RerouteCaseUseCase,
    CaseTransitionsUseCase,
    RecordTakedownUseCase,
    RecordFailureCreditUseCase,
    RecordFollowUpOutcomeUseCase,
    SearchCreditFilesUseCase,
    RiskWarningScope,
    RiskWarningDecisionsUseCase,
    TriageSuggester,
    AlertBook,
    DeadlineBook,
    ScanDeadlinesUseCase,
    DeadlineScheduler,
    EnforcementOverviewQuery,
    DelegationBook,
    DelegationEventsConsumer,
    RecordDelegationUseCase,
  ],
})
export class EnforcementModule {}
