const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar year in Asia/Shanghai (no daylight saving there): the year of batch numbers and of the twice-a-year rule. */
export const shanghaiYear = (at: Date): number =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCFullYear();

/** 23:59:59 Asia/Shanghai, `days` calendar days after `at`, as a UTC instant. */
export function shanghaiEndOfDayAfter(at: Date, days: number): Date {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days, 23, 59, 59);
  return new Date(end - SHANGHAI_OFFSET_MS);
}

/** The calendar date in Asia/Shanghai, `YYYY-MM-DD`. */
export const shanghaiDate = (at: Date): string =>
  new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
