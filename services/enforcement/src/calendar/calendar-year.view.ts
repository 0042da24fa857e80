import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HolidayPeriodView } from './holiday-period.view';
import { HolidayScheduleView } from './holiday-schedule.view';
import { StatutoryHolidayView } from './statutory-holiday.view';

export const CALENDAR_SOURCES = ['loaded', 'package', 'none'] as const;

/** A year of the working-day calendar: the schedule in force, where it comes from, and its submissions. */
export class CalendarYearView {
  @ApiProperty({ example: 2027 }) year!: number;

  @ApiProperty({
    enum: CALENDAR_SOURCES,
    description:
      'loaded: a schedule approved here (overrides the package); package: chinese-days; none: deadlines reaching the year cannot be computed',
  })
  source!: (typeof CALENDAR_SOURCES)[number];

  @ApiProperty({
    type: HolidayPeriodView,
    isArray: true,
    description: 'the holidays in force (empty when none)',
  })
  holidays!: HolidayPeriodView[];

  @ApiProperty({ type: String, isArray: true, description: 'the 调休上班日 in force' })
  adjustedWorkingDays!: string[];

  @ApiProperty({
    type: StatutoryHolidayView,
    isArray: true,
    description: 'fixed-date statutory holidays: never working days, known even when source is none',
  })
  statutoryHolidays!: StatutoryHolidayView[];

  @ApiPropertyOptional({
    type: HolidayScheduleView,
    nullable: true,
    description: 'the submission awaiting a second admin',
  })
  pending!: HolidayScheduleView | null;

  @ApiProperty({
    type: HolidayScheduleView,
    isArray: true,
    description: 'every submission for the year, newest first',
  })
  schedules!: HolidayScheduleView[];
}
