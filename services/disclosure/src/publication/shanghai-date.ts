/** The Asia/Shanghai calendar day of an instant (UTC+8 all year: China keeps no daylight saving time). */
export const shanghaiDate = (instant: Date): string =>
  new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
