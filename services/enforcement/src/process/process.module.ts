import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CasesModule } from '../cases/cases.module';
import { CreditModule } from '../credit/credit.module';
import { KernelModule } from '../kernel/kernel.module';
import { NoticesModule } from '../notices/notices.module';
import { ObjectionsModule } from '../objections/objections.module';
import { BatchEventsConsumer } from './batch-events.consumer';
import { DeadlineScanController } from './deadline-scan.controller';
import { DeadlineScheduler } from './deadline-scheduler';
import { RecordBatchFactUseCase } from './record-batch-fact.usecase';
import { ScanDeadlinesUseCase } from './scan-deadlines.usecase';

/**
 * The process manager above the features: it files each consumed fact of a batch and moves the
 * features on (notices, finality, cases, credit, the re-inspection), and scans the due deadlines,
 * each handled by the feature that registered its kind.
 */
@Module({
  imports: [KernelModule, CalendarModule, NoticesModule, ObjectionsModule, CasesModule, CreditModule],
  controllers: [DeadlineScanController],
  providers: [BatchEventsConsumer, RecordBatchFactUseCase, ScanDeadlinesUseCase, DeadlineScheduler],
})
export class ProcessModule {}
