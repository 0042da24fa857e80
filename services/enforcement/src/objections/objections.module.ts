import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { DeadlineHandlers } from '../kernel/deadline-handlers';
import { KernelModule } from '../kernel/kernel.module';
import { NoticesModule } from '../notices/notices.module';
import { ReinspectionLabNotice } from '../notices/reinspection-lab-notice.entity';
import { RoutingModule } from '../routing/routing.module';
import { ScopeModule } from '../scope/scope.module';
import { CompleteProceduresUseCase } from './complete-procedures.usecase';
import { ConfirmFilingUseCase } from './confirm-filing.usecase';
import { DecideObjectionUseCase } from './decide-objection.usecase';
import { FileObjectionUseCase } from './file-objection.usecase';
import { ObjectionWindowDeadline } from './objection-window-deadline';
import { Objection } from './objection.entity';
import { ObjectionQueries } from './objection.queries';
import { ObjectionsController } from './objections.controller';
import { RecordLabNoticeDeliveryUseCase } from './record-lab-notice-delivery.usecase';
import { RecordMaterialUseCase } from './record-material.usecase';
import { RecordReinspectionLabUseCase } from './record-reinspection-lab.usecase';
import { ReinspectionLabNoticeQueries } from './reinspection-lab-notice.queries';
import { ReinspectionLabNoticesController } from './reinspection-lab-notices.controller';
import { ReinspectionProceduresDeadline } from './reinspection-procedures-deadline';
import { RenderMaterialsChecklistUseCase } from './render-materials-checklist.usecase';
import { WaiveReinspectionUseCase } from './waive-reinspection.usecase';

/**
 * Objections within 15 days and the re-inspection: filing, decision, the lab and its notices, the
 * 7-day procedures or the waiver. Its two periods are handled here when they run out.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Objection, ReinspectionLabNotice]),
    KernelModule,
    RoutingModule,
    ScopeModule,
    DocumentsModule,
    EvidenceModule,
    NoticesModule,
  ],
  controllers: [ObjectionsController, ReinspectionLabNoticesController],
  providers: [
    FileObjectionUseCase,
    ConfirmFilingUseCase,
    DecideObjectionUseCase,
    RecordMaterialUseCase,
    RenderMaterialsChecklistUseCase,
    RecordReinspectionLabUseCase,
    RecordLabNoticeDeliveryUseCase,
    CompleteProceduresUseCase,
    WaiveReinspectionUseCase,
    ObjectionWindowDeadline,
    ReinspectionProceduresDeadline,
    ObjectionQueries,
    ReinspectionLabNoticeQueries,
  ],
  exports: [RecordReinspectionLabUseCase],
})
export class ObjectionsModule implements OnModuleInit {
  constructor(
    private readonly deadlineHandlers: DeadlineHandlers,
    private readonly objectionWindow: ObjectionWindowDeadline,
    private readonly proceduresPeriod: ReinspectionProceduresDeadline,
  ) {}

  onModuleInit(): void {
    this.deadlineHandlers.register(this.objectionWindow);
    this.deadlineHandlers.register(this.proceduresPeriod);
  }
}
