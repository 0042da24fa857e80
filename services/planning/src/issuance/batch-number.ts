/** `HZ2026-000123`: bureau prefix, year, six-digit sequence. */
export const formatBatchNumber = (prefix: string, year: number, sequence: number): string =>
  `${prefix}${year}-${String(sequence).padStart(6, '0')}`;
