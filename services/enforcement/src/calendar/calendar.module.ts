import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KernelModule } from '../kernel/kernel.module';
import { ApproveHolidayScheduleUseCase } from './approve-holiday-schedule.usecase';
import { CalendarController } from './calendar.controller';
import { CalendarQueries } from './calendar.queries';
import { ClockController } from './clock.controller';
import { HolidaySchedule } from './holiday-schedule.entity';
import { MissingYearWatch } from './missing-year-watch';
import { ReturnHolidayScheduleUseCase } from './return-holiday-schedule.usecase';
import { SubmitHolidayScheduleUseCase } from './submit-holiday-schedule.usecase';

/** The holiday schedules (four eyes), the year whose schedule is missing, and the test clock. */
@Module({
  imports: [TypeOrmModule.forFeature([HolidaySchedule]), KernelModule],
  controllers: [CalendarController, ClockController],
  providers: [
    SubmitHolidayScheduleUseCase,
    ApproveHolidayScheduleUseCase,
    ReturnHolidayScheduleUseCase,
    MissingYearWatch,
    CalendarQueries,
  ],
  exports: [MissingYearWatch],
})
export class CalendarModule {}
