import { Module } from '@nestjs/common';
import { DispatchModule } from '../dispatch/dispatch.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { SubmitReportUseCase } from '../reports/submit-report.usecase';
import { AcceptAssignmentUseCase } from './accept-assignment.usecase';
import { DeclineAssignmentUseCase } from './decline-assignment.usecase';
import { LabApiController } from './lab-api.controller';
import { ReportProgressUseCase } from './report-progress.usecase';

@Module({
  imports: [DispatchModule, IdempotencyModule],
  controllers: [LabApiController],
  providers: [AcceptAssignmentUseCase, DeclineAssignmentUseCase, ReportProgressUseCase, SubmitReportUseCase],
})
export class LabApiModule {}
