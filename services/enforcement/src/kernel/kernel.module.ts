import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertBook } from './alert-book';
import { Alert } from './alert.entity';
import { BatchFile } from './batch-file.entity';
import { CalendarSource } from './calendar-source';
import { Clock } from './clock';
import { CompletePendingDeadlinesUseCase } from './complete-pending-deadlines.usecase';
import { DeadlineBook } from './deadline-book';
import { DeadlineHandlers } from './deadline-handlers';
import { Deadline } from './deadline.entity';

const providers = [
  Clock,
  CalendarSource,
  DeadlineBook,
  AlertBook,
  DeadlineHandlers,
  CompletePendingDeadlinesUseCase,
];

/** What every feature shares: the batch file, the clock and calendar, the deadline and alert books. */
@Module({
  imports: [TypeOrmModule.forFeature([BatchFile, Deadline, Alert])],
  providers,
  exports: [TypeOrmModule, ...providers],
})
export class KernelModule {}
