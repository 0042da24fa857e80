import { formatShanghaiDate, formatShanghaiDateTime } from './shanghai-date';

describe('document dates', () => {
  it('shows an instant in Asia/Shanghai: 2026-03-04T17:30Z is 5 March 01:30', () => {
    expect(formatShanghaiDate(new Date('2026-03-04T17:30:00Z'))).toBe('2026年3月5日');
    expect(formatShanghaiDateTime(new Date('2026-03-04T17:30:00Z'))).toBe('2026年3月5日 01:30');
  });

  it('does not pad month and day, with or without the time', () => {
    expect(formatShanghaiDateTime(new Date('2026-11-22T03:00:00Z'))).toBe('2026年11月22日 11:00');
    expect(formatShanghaiDate(new Date('2026-01-01T00:00:00Z'))).toBe('2026年1月1日');
  });
});
