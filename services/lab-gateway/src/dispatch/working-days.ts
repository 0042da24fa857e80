import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * Working days of mainland China from the State Council schedule in `chinese-days` (holidays and
 * 调休). Past the last published year a due date is still needed to dispatch, so days are counted
 * Monday to Friday and the result is marked provisional.
 */
export class WorkingDays {
  private readonly lastKnownYear: number;

  constructor(
    private readonly holidays: ReadonlySet<string>,
    private readonly adjustedWorkdays: ReadonlySet<string>,
  ) {
    this.lastKnownYear = Math.max(...[...holidays].map((d) => Number(d.slice(0, 4))));
  }

  static fromChineseDays(): WorkingDays {
    const file = path.join(
      path.dirname(require.resolve('chinese-days/package.json')),
      'dist/chinese-days.json',
    );
    const data = JSON.parse(readFileSync(file, 'utf8')) as ChineseDaysData;
    return new WorkingDays(new Set(Object.keys(data.holidays)), new Set(Object.keys(data.workdays)));
  }

  /** The `n`th working day after `date` (the day itself not counted). */
  add(date: string, n: number): { date: string; provisional: boolean } {
    let day = date;
    let provisional = false;
    for (let counted = 0; counted < n;) {
      day = addDays(day, 1);
      if (Number(day.slice(0, 4)) > this.lastKnownYear) provisional = true;
      if (this.isWorkingDay(day)) counted += 1;
    }
    return { date: day, provisional };
  }

  private isWorkingDay(date: string): boolean {
    if (this.adjustedWorkdays.has(date)) return true;
    if (this.holidays.has(date)) return false;
    const d = weekday(date);
    return d !== 0 && d !== 6;
  }
}
