import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { DeadlineHandlers } from '../kernel/deadline-handlers';
import { KernelModule } from '../kernel/kernel.module';
import { RoutingModule } from '../routing/routing.module';
import { ScopeModule } from '../scope/scope.module';
import { CaseOverdueDeadline } from './case-overdue-deadline';
import { CaseQueries } from './case.queries';
import { CaseTransitionsUseCase } from './case-transitions.usecase';
import { CasesController } from './cases.controller';
import { EnforcementCase } from './enforcement-case.entity';
import { OpenCaseUseCase } from './open-case.usecase';
import { RecordTakedownUseCase } from './record-takedown.usecase';
import { RerouteCaseUseCase } from './reroute-case.usecase';
import { TakedownReport } from './takedown-report.entity';
import { IssueTransferLetterUseCase } from './transfer-letter/issue-transfer-letter.usecase';
import { RenderTransferLetterPdfUseCase } from './transfer-letter/render-transfer-letter-pdf.usecase';
import { StoreTransferLettersUseCase } from './transfer-letter/store-transfer-letters.usecase';
import { TransferLetterEvidenceScheduler } from './transfer-letter/transfer-letter-evidence.scheduler';
import { TransferLetter } from './transfer-letter/transfer-letter.entity';
import { TransferLetterQueries } from './transfer-letter/transfer-letter.queries';
import { TransferLettersController } from './transfer-letter/transfer-letters.controller';
import { TriageItem } from './triage-item.entity';
import { TriageSuggester } from './triage-suggestion';
import { TriageController } from './triage.controller';
import { TriageQueries } from './triage.queries';

/** Cases of final failures routed to an authority, their transfer letters, takedowns and triage. */
@Module({
  imports: [
    TypeOrmModule.forFeature([EnforcementCase, TriageItem, TakedownReport, TransferLetter]),
    KernelModule,
    RoutingModule,
    ScopeModule,
    DocumentsModule,
    EvidenceModule,
  ],
  controllers: [CasesController, TriageController, TransferLettersController],
  providers: [
    OpenCaseUseCase,
    CaseTransitionsUseCase,
    RerouteCaseUseCase,
    RecordTakedownUseCase,
    TriageSuggester,
    IssueTransferLetterUseCase,
    RenderTransferLetterPdfUseCase,
    StoreTransferLettersUseCase,
    TransferLetterEvidenceScheduler,
    CaseOverdueDeadline,
    CaseQueries,
    TriageQueries,
    TransferLetterQueries,
  ],
  exports: [OpenCaseUseCase, RecordTakedownUseCase],
})
export class CasesModule implements OnModuleInit {
  constructor(
    private readonly deadlineHandlers: DeadlineHandlers,
    private readonly caseOverdue: CaseOverdueDeadline,
  ) {}

  onModuleInit(): void {
    this.deadlineHandlers.register(this.caseOverdue);
  }
}
