import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { type HolidayPeriod, WorkingDayCalendar, type YearSchedule } from '@qis/domain';

interface ApprovedRow {
  id: string;
  year: number;
  holidays: HolidayPeriod[];
  adjusted_working_days: string[];
}

/**
 * The working-day calendar in force: the package's schedules, each year overridden by the
 * schedule approved here for it. Every call checks which schedules are approved (one small
 * query, through the caller's transaction when given, so an approval is seen by the transaction
 * that makes it and by every instance as soon as it commits) and rebuilds only when that changed.
 */
@Injectable()
export class CalendarSource {
  private cached: { stamp: string; calendar: WorkingDayCalendar } | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async current(manager: EntityManager = this.dataSource.manager): Promise<WorkingDayCalendar> {
    const [row] = (await manager.query(
      `select coalesce(string_agg(id::text, ',' order by year), '') as stamp from holiday_schedule where status = 'approved'`,
    )) as Array<{ stamp: string }>;
    const stamp = row?.stamp ?? '';
    if (this.cached?.stamp === stamp) return this.cached.calendar;
    const approved = (await manager.query(
      `select id, year, holidays, adjusted_working_days from holiday_schedule where status = 'approved' order by year`,
    )) as ApprovedRow[];
    const calendar = WorkingDayCalendar.fromChineseDays().withSchedules(
      approved.map((r): YearSchedule => ({
        year: r.year,
        source: 'loaded',
        holidays: r.holidays,
        adjustedWorkingDays: r.adjusted_working_days,
      })),
    );
    // Keyed by what was read: a rolled-back approval's calendar is never served to another stamp.
    this.cached = { stamp: approved.map((r) => r.id).join(','), calendar };
    return calendar;
  }
}
