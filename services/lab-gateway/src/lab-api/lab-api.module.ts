import { Module } from '@nestjs/common';
import { EvidenceReferenceChecker } from '@qis/evidence-client';
import { DispatchModule } from '../dispatch/dispatch.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { LabGatewayConfig } from '../lab-gateway.config';
import { SubmitReportUseCase } from '../reports/submit-report.usecase';
import { AcceptAssignmentUseCase } from './accept-assignment.usecase';
import { AssignmentQueries } from './assignment.queries';
import { DeclineAssignmentUseCase } from './decline-assignment.usecase';
import { LabApiController } from './lab-api.controller';
import { ReportProgressUseCase } from './report-progress.usecase';
import { CreateSandboxAssignmentUseCase } from './sandbox/create-sandbox-assignment.usecase';
import { SandboxController } from './sandbox/sandbox.controller';

@Module({
  imports: [DispatchModule, IdempotencyModule],
  controllers: [LabApiController, SandboxController],
  providers: [
    AssignmentQueries,
    CreateSandboxAssignmentUseCase,
    AcceptAssignmentUseCase,
    DeclineAssignmentUseCase,
    ReportProgressUseCase,
    SubmitReportUseCase,
    {
      provide: EvidenceReferenceChecker,
      inject: [LabGatewayConfig],
      useFactory: (config: LabGatewayConfig) => new EvidenceReferenceChecker(config.EVIDENCE_URL),
    },
  ],
})
export class LabApiModule {}
