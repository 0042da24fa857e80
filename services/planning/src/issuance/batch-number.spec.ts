import { BATCH_NUMBER } from '@qis/contracts';
import { formatBatchNumber } from './batch-number';

describe('batch numbers', () => {
  it('formats bureau, year and a six-digit sequence', () => {
    expect(formatBatchNumber('HZ', 2026, 123)).toBe('HZ2026-000123');
    expect(BATCH_NUMBER.test(formatBatchNumber('HZ', 2026, 1))).toBe(true);
  });
});
