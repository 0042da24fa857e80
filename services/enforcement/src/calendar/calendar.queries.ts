import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { shanghaiDate, statutoryHolidays } from '@qis/domain';
import { Repository } from 'typeorm';
import { CalendarSource } from '../kernel/calendar-source';
import { Clock } from '../kernel/clock';
import { CalendarYearSummaryView } from './calendar-year-summary.view';
import { CalendarYearView } from './calendar-year.view';
import { HolidaySchedule } from './holiday-schedule.entity';
import { HolidayScheduleView } from './holiday-schedule.view';

/** The working-day calendar's years and their holiday schedules, as staff who work with deadlines read them. */
@Injectable()
export class CalendarQueries {
  constructor(
    @InjectRepository(HolidaySchedule) private readonly schedules: Repository<HolidaySchedule>,
    private readonly calendars: CalendarSource,
    private readonly clock: Clock,
  ) {}

  /** Every known year, this year and the next: where its schedule comes from and what awaits approval. */
  async years(): Promise<CalendarYearSummaryView[]> {
    const calendar = await this.calendars.current();
    const rows = await this.schedules.find({
      where: [{ status: 'approved' }, { status: 'submitted' }],
      order: { year: 'ASC' },
    });
    const thisYear = Number(shanghaiDate(this.clock.now()).slice(0, 4));
    const years = [
      ...new Set([...calendar.knownYears, ...rows.map((r) => r.year), thisYear, thisYear + 1]),
    ].sort((a, b) => a - b);
    return years.map((year) => {
      const approved = rows.find((r) => r.year === year && r.status === 'approved');
      const pending = rows.find((r) => r.year === year && r.status === 'submitted');
      return {
        year,
        source: calendar.schedule(year)?.source ?? 'none',
        approvedScheduleId: approved?.id ?? null,
        approvedAt: approved?.decidedAt?.toISOString() ?? null,
        pendingScheduleId: pending?.id ?? null,
        pendingSubmittedBy: pending?.submittedBy ?? null,
      };
    });
  }

  /** One year: the schedule in force, the fixed-date statutory holidays and every submission. */
  async year(year: number): Promise<CalendarYearView> {
    const schedule = (await this.calendars.current()).schedule(year);
    const submissions = await this.schedules.find({ where: { year }, order: { submittedAt: 'DESC' } });
    const pending = submissions.find((s) => s.status === 'submitted');
    return {
      year,
      source: schedule?.source ?? 'none',
      holidays: schedule?.holidays.map((p) => ({ name: p.name, dates: [...p.dates] })) ?? [],
      adjustedWorkingDays: [...(schedule?.adjustedWorkingDays ?? [])],
      statutoryHolidays: statutoryHolidays(year),
      pending: pending ? HolidayScheduleView.of(pending) : null,
      schedules: submissions.map((s) => HolidayScheduleView.of(s)),
    };
  }
}
