import type { FieldError } from '@qis/contracts';
import {
  addDays,
  ErrorCode,
  type HolidayPeriod,
  isoWeekday,
  statutoryHolidays,
  UnprocessableError,
} from '@qis/domain';

export interface ScheduleInput {
  year: number;
  holidays: readonly HolidayPeriod[];
  adjustedWorkingDays: readonly string[];
}

const WEEKDAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const isCalendarDate = (date: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(date) && addDaysSafe(date) === date;

const addDaysSafe = (date: string): string | null => {
  try {
    return addDays(date, 0);
  } catch {
    return null;
  }
};

/**
 * What is wrong with a year's schedule as transcribed, each problem naming its field: dates that
 * are not calendar dates or fall outside the year; a date twice; a day both holiday and adjusted
 * working day; a fixed-date statutory holiday missing from the holidays or marked a working day;
 * an adjusted working day that is not a weekend day (weekdays are working days already).
 */
export function scheduleProblems(input: ScheduleInput): FieldError[] {
  const problems: FieldError[] = [];
  const add = (field: string, reason: string): void => {
    const found = problems.find((p) => p.field === field);
    if (found) found.reasons.push(reason);
    else problems.push({ field, reasons: [reason] });
  };
  const inYear = (field: string, date: string): boolean => {
    if (!isCalendarDate(date)) {
      add(field, `${date} is not a calendar date (YYYY-MM-DD)`);
      return false;
    }
    if (Number(date.slice(0, 4)) !== input.year) {
      add(field, `${date} is outside ${input.year}: a schedule holds its own year's dates only`);
      return false;
    }
    return true;
  };

  const holidayOf = new Map<string, string>();
  const names = new Set<string>();
  input.holidays.forEach((period, i) => {
    if (names.has(period.name)) add(`holidays[${i}].name`, `${period.name} is named twice`);
    names.add(period.name);
    period.dates.forEach((date, j) => {
      const field = `holidays[${i}].dates[${j}]`;
      if (!inYear(field, date)) return;
      const other = holidayOf.get(date);
      if (other !== undefined) add(field, `${date} is already a day of ${other}`);
      else holidayOf.set(date, period.name);
    });
  });

  const statutory = statutoryHolidays(input.year);
  const adjusted = new Set<string>();
  input.adjustedWorkingDays.forEach((date, i) => {
    const field = `adjustedWorkingDays[${i}]`;
    if (!inYear(field, date)) return;
    if (adjusted.has(date)) add(field, `${date} is listed twice`);
    adjusted.add(date);
    const fixed = statutory.find((s) => s.date === date);
    if (fixed)
      add(
        field,
        `${date} is a statutory holiday (${fixed.name}, 《全国年节及纪念日放假办法》 art. 2) and is never a working day`,
      );
    else if (holidayOf.has(date)) add(field, `${date} is also a holiday (${holidayOf.get(date)})`);
    else if (isoWeekday(date) <= 5)
      add(
        field,
        `${date} is a ${WEEKDAYS[isoWeekday(date)]}, a working day anyway: 调休上班日 are Saturdays or Sundays`,
      );
  });

  for (const fixed of statutory)
    if (!holidayOf.has(fixed.date))
      add('holidays', `${fixed.date} (${fixed.name}) is a statutory holiday and must be in a holiday period`);
  return problems;
}

/** 422 naming every field that breaks a rule. */
export function scheduleRefused(problems: readonly FieldError[]): UnprocessableError {
  return new UnprocessableError(
    ErrorCode.unprocessable,
    problems.map((p) => `${p.field}: ${p.reasons.join('; ')}`).join(' | '),
    { errors: problems },
  );
}
