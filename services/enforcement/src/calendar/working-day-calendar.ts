import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CalendarYearUnknownError } from './calendar-year-unknown.error';
import { addDays, isoWeekday } from './shanghai-time';

/** The State Council's schedule for some years: holidays, and weekend days worked instead (调休). */
export interface HolidaySchedule {
  /** `YYYY-MM-DD` of public holidays (法定节假日及放假日). */
  holidays: readonly string[];
  /** `YYYY-MM-DD` of weekend days that are working days (调休上班). */
  adjustedWorkdays: readonly string[];
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * Working days of mainland China. A working day is Monday to Friday unless a public holiday, or a
 * weekend day the schedule makes a working day. Dates outside the known years throw: a guessed
 * deadline is worse than none.
 */
export class WorkingDayCalendar {
  private readonly holidays: ReadonlySet<string>;
  private readonly adjusted: ReadonlySet<string>;
  private readonly first: number;
  private readonly last: number;

  constructor(schedule: HolidaySchedule) {
    this.holidays = new Set(schedule.holidays);
    this.adjusted = new Set(schedule.adjustedWorkdays);
    const years = [...schedule.holidays].map((d) => Number(d.slice(0, 4)));
    if (years.length === 0) throw new Error('empty holiday schedule');
    this.first = Math.min(...years);
    this.last = Math.max(...years);
  }

  /** The schedule maintained in the `chinese-days` package (official State Council notices). */
  static fromChineseDays(): WorkingDayCalendar {
    const file = path.join(
      path.dirname(require.resolve('chinese-days/package.json')),
      'dist/chinese-days.json',
    );
    const data = JSON.parse(readFileSync(file, 'utf8')) as ChineseDaysData;
    return new WorkingDayCalendar({
      holidays: Object.keys(data.holidays),
      adjustedWorkdays: Object.keys(data.workdays),
    });
  }

  get knownYears(): { first: number; last: number } {
    return { first: this.first, last: this.last };
  }

  isWorkingDay(date: string): boolean {
    const year = Number(date.slice(0, 4));
    if (year < this.first || year > this.last) throw new CalendarYearUnknownError(year, this.knownYears);
    if (this.adjusted.has(date)) return true;
    if (this.holidays.has(date)) return false;
    return isoWeekday(date) <= 5;
  }

  /** The `n`th working day after `date` (the start day itself is not counted). */
  addWorkingDays(date: string, n: number): string {
    let day = date;
    for (let counted = 0; counted < n;) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }

  /**
   * Last day of a period of `days` calendar days starting the day after `date`; when that day is
   * a public holiday or rest day, the period ends on the next working day (期间届满日顺延).
   */
  lastDayOfPeriod(date: string, days: number): string {
    let day = addDays(date, days);
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }
}
