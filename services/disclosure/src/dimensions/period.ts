/** A period filter: a year `2026`, a quarter `2026-Q2` or a month `2026-04`. */
export const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

/** The first and last month (`YYYY-MM`) of a period; the caller checked it against `PERIOD`. */
export function periodMonths(period: string): [string, string] {
  const match = PERIOD.exec(period);
  if (!match) throw new Error(`not a period: ${period}`);
  const [, year, month, quarter] = match;
  if (month) return [`${year}-${month}`, `${year}-${month}`];
  if (quarter) {
    const first = (Number(quarter) - 1) * 3 + 1;
    const pad = (m: number): string => String(m).padStart(2, '0');
    return [`${year}-${pad(first)}`, `${year}-${pad(first + 2)}`];
  }
  return [`${year}-01`, `${year}-12`];
}

/** `2026-05` → `2026-Q2`. */
export const quarterOf = (month: string): string =>
  `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
