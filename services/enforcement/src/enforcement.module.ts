import { Module } from '@nestjs/common';
import { BatchStagesModule } from './batch-stages/batch-stages.module';
import { CalendarModule } from './calendar/calendar.module';
import { HolidaySchedule } from './calendar/holiday-schedule.entity';
import { CasesModule } from './cases/cases.module';
import { EnforcementCase } from './cases/enforcement-case.entity';
import { TakedownReport } from './cases/takedown-report.entity';
import { TransferLetter } from './cases/transfer-letter/transfer-letter.entity';
import { TriageItem } from './cases/triage-item.entity';
import { CreditEntry } from './credit/credit-entry.entity';
import { CreditModule } from './credit/credit.module';
import { FollowUpProposal } from './credit/follow-up-proposal.entity';
import { RiskWarning } from './credit/risk-warnings/risk-warning.entity';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { DelegationsModule } from './delegations/delegations.module';
import { FinalityModule } from './finality/finality.module';
import { SamplingDelegationRecord } from './delegations/sampling-delegation.entity';
import { Alert } from './kernel/alert.entity';
import { BatchFile } from './kernel/batch-file.entity';
import { Deadline } from './kernel/deadline.entity';
import { Notice } from './notices/notice.entity';
import { NoticesModule } from './notices/notices.module';
import { ReinspectionLabNotice } from './notices/reinspection-lab-notice.entity';
import { Objection } from './objections/objection.entity';
import { ObjectionsModule } from './objections/objections.module';
import { ProcessModule } from './process/process.module';
import { StatisticsModule } from './statistics/statistics.module';

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

/**
 * Notices and deadlines, objections and re-inspection, routing to jurisdiction, cases, credit: one
 * module per feature, and the process manager above them (see the README's structure section).
 */
@Module({
  imports: [
    NoticesModule,
    ObjectionsModule,
    CasesModule,
    CreditModule,
    DeadlinesModule,
    CalendarModule,
    BatchStagesModule,
    StatisticsModule,
    DelegationsModule,
    FinalityModule,
    ProcessModule,
  ],
})
export class EnforcementModule {}
