import { shanghaiEndOfDayAfter, shanghaiYear } from './shanghai-time';

describe('Asia/Shanghai dates', () => {
  it('counts 2026-12-31T17:00Z as 2027 (already New Year in Shanghai)', () => {
    expect(shanghaiYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
    expect(shanghaiYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
  });

  it('ends a purchase deadline at 23:59:59 Shanghai time', () => {
    expect(shanghaiEndOfDayAfter(new Date('2026-03-01T02:00:00Z'), 7).toISOString()).toBe(
      '2026-03-08T15:59:59.000Z',
    );
  });
});
