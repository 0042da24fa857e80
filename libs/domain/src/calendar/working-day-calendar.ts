import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CalendarYearUnknownError } from './calendar-year-unknown.error';
import { addDays, isoWeekday } from '../dates/shanghai-time';
import { statutoryHolidayOn } from './statutory-holidays';

/** One holiday period of a year's schedule (放假): its name and every day off, weekends included. */
export interface HolidayPeriod {
  name: string;
  dates: readonly string[];
}

/** Where a year's schedule comes from: the `chinese-days` package, or loaded and approved here. */
export type ScheduleSource = 'package' | 'loaded';

/** The State Council's schedule of one year: holiday periods, and weekend days worked instead (调休上班). */
export interface YearSchedule {
  year: number;
  source: ScheduleSource;
  holidays: readonly HolidayPeriod[];
  adjustedWorkingDays: readonly string[];
}

interface KnownYear {
  schedule: YearSchedule;
  holidays: ReadonlySet<string>;
  adjusted: ReadonlySet<string>;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let packageSchedules: readonly YearSchedule[] | undefined;

/**
 * Working days of mainland China. A working day is Monday to Friday unless a public holiday, or a
 * weekend day the schedule makes a working day; the fixed-date statutory holidays are never
 * working days. Other dates of a year without a schedule throw: a guessed deadline is worse than
 * none.
 */
export class WorkingDayCalendar {
  private readonly years: ReadonlyMap<number, KnownYear>;

  constructor(schedules: Iterable<YearSchedule>) {
    const years = new Map<number, KnownYear>();
    for (const schedule of schedules) {
      years.set(schedule.year, {
        schedule,
        holidays: new Set(schedule.holidays.flatMap((p) => p.dates)),
        adjusted: new Set(schedule.adjustedWorkingDays),
      });
    }
    this.years = years;
  }

  /** The schedules maintained in the `chinese-days` package (official State Council notices), by year. */
  static packageSchedules(): readonly YearSchedule[] {
    packageSchedules ??= readChineseDays();
    return packageSchedules;
  }

  /** The package's schedules only. */
  static fromChineseDays(): WorkingDayCalendar {
    return new WorkingDayCalendar(WorkingDayCalendar.packageSchedules());
  }

  /** This calendar with `loaded` schedules replacing whatever it had for their years. */
  withSchedules(loaded: Iterable<YearSchedule>): WorkingDayCalendar {
    const byYear = new Map([...this.years.values()].map((y) => [y.schedule.year, y.schedule]));
    for (const schedule of loaded) byYear.set(schedule.year, schedule);
    return new WorkingDayCalendar(byYear.values());
  }

  get knownYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** The schedule in force for `year`, if the calendar knows the year. */
  schedule(year: number): YearSchedule | undefined {
    return this.years.get(year)?.schedule;
  }

  isWorkingDay(date: string): boolean {
    const working = this.workingDayIfKnown(date);
    if (working === undefined) throw new CalendarYearUnknownError(Number(date.slice(0, 4)), this.knownYears);
    return working;
  }

  /**
   * `addWorkingDays` for a caller that must name a day now even when a year on the way has no
   * schedule (a lab's turnaround: the sample goes out today). Days of such a year count with what
   * every year shares — weekends and the fixed-date statutory holidays off, its 春节 and 调休 unknown —
   * and `unknownYears` says which years were guessed: the caller marks the date provisional and
   * alerts; it is never a silent answer.
   */
  addWorkingDaysProvisionally(date: string, n: number): { date: string; unknownYears: number[] } {
    const unknown = new Set<number>();
    let day = date;
    for (let counted = 0; counted < n;) {
      day = addDays(day, 1);
      let working = this.workingDayIfKnown(day);
      if (working === undefined) {
        unknown.add(Number(day.slice(0, 4)));
        working = isoWeekday(day) <= 5;
      }
      if (working) counted += 1;
    }
    return { date: day, unknownYears: [...unknown].sort((a, b) => a - b) };
  }

  /** Whether `date` is a working day; undefined when its year has no schedule (and it is no fixed holiday). */
  private workingDayIfKnown(date: string): boolean | undefined {
    const weekday = isoWeekday(date);
    if (statutoryHolidayOn(date)) return false;
    const known = this.years.get(Number(date.slice(0, 4)));
    if (!known) return undefined;
    if (known.adjusted.has(date)) return true;
    if (known.holidays.has(date)) return false;
    return weekday <= 5;
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
   * The countdown to `due` seen on `today`, in working days: 0 when due today, 1 when the next
   * working day is the last, …; negative when overdue (−1: due on the working day before today).
   */
  workingDaysUntil(today: string, due: string): number {
    if (due === today) return 0;
    const [from, to] = due > today ? [today, due] : [due, today];
    // Working days in (from, to]: the days still to work, or the working days already past it.
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return due > today ? Math.max(count, 1) : -Math.max(count, 1);
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

/** chinese-days keys each date with `English name,中文名,statutory days`; periods are runs of one name. */
function readChineseDays(): YearSchedule[] {
  const file = path.join(
    path.dirname(require.resolve('chinese-days/package.json')),
    'dist/chinese-days.json',
  );
  const data = JSON.parse(readFileSync(file, 'utf8')) as ChineseDaysData;
  const years = new Map<number, { holidays: HolidayPeriod[]; adjusted: string[] }>();
  const yearOf = (date: string): { holidays: HolidayPeriod[]; adjusted: string[] } => {
    const year = Number(date.slice(0, 4));
    let found = years.get(year);
    if (!found) years.set(year, (found = { holidays: [], adjusted: [] }));
    return found;
  };
  for (const date of Object.keys(data.holidays).sort()) {
    const name = (data.holidays[date] as string).split(',')[1] ?? (data.holidays[date] as string);
    const { holidays } = yearOf(date);
    const last = holidays.at(-1);
    if (last && last.name === name && addDays(last.dates.at(-1) as string, 1) === date)
      (last.dates as string[]).push(date);
    else holidays.push({ name, dates: [date] });
  }
  for (const date of Object.keys(data.workdays).sort()) yearOf(date).adjusted.push(date);
  // A year counts as covered only when the package lists its holidays.
  return [...years.entries()]
    .filter(([, y]) => y.holidays.length > 0)
    .map(([year, y]) => ({ year, source: 'package', holidays: y.holidays, adjustedWorkingDays: y.adjusted }));
}
