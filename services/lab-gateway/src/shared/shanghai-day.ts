const OFFSET_MS = 8 * 3_600_000;

/** The Asia/Shanghai calendar day (`YYYY-MM-DD`) of an instant: due dates are days there. */
export const shanghaiDay = (instant: Date): string =>
  new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
