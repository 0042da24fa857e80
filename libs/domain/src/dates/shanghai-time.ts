/**
 * Calendar days in Asia/Shanghai (UTC+8, no daylight saving since 1991): deadlines are days there,
 * instants are stored in UTC.
 */
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Shanghai calendar day (`YYYY-MM-DD`) of an instant. */
export const shanghaiDate = (instant: Date): string =>
  new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);

const checkedDate = (date: string): string => {
  if (
    !DATE.test(date) ||
    Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
    new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
  ) {
    throw new Error(`not a calendar date: ${JSON.stringify(date)}`);
  }
  return date;
};

/** `date` plus `days` calendar days. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${checkedDate(date)}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The last instant of a Shanghai calendar day: a deadline "by day X" ends then. */
export const endOfShanghaiDay = (date: string): Date =>
  new Date(Date.parse(`${checkedDate(date)}T00:00:00Z`) - OFFSET_MS + DAY_MS - 1);

/** 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => {
  const day = new Date(`${checkedDate(date)}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
};

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`). */
export const daysBetween = (from: string, to: string): number =>
  Math.round(
    (Date.parse(`${checkedDate(to)}T00:00:00Z`) - Date.parse(`${checkedDate(from)}T00:00:00Z`)) / DAY_MS,
  );

/** The calendar year in Asia/Shanghai: the year of batch numbers and of the twice-a-year rule. */
export const shanghaiYear = (instant: Date): number => Number(shanghaiDate(instant).slice(0, 4));

/** 23:59:59 Asia/Shanghai, `days` calendar days after the Shanghai day of `at`, as a UTC instant. */
export const shanghaiEndOfDayAfter = (at: Date, days: number): Date =>
  new Date(endOfShanghaiDay(addDays(shanghaiDate(at), days)).getTime() - 999);
