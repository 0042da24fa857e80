import { WorkingDays } from './working-days';

describe('WorkingDays', () => {
  const days = WorkingDays.fromChineseDays();

  it.each([
    ['2026-03-05', 10, '2026-03-19'], // Thursday + 10 working days, two weekends
    ['2026-09-30', 1, '2026-10-08'], // National Day holidays skipped
    ['2026-02-13', 1, '2026-02-14'], // Saturday 14 Feb 2026 is a 调休 working day
  ])('counts %s + %i working days as %s', (from, n, expected) => {
    expect(days.add(from, n)).toEqual({ date: expected, provisional: false });
  });

  it('marks a due date past the published holiday schedule as provisional, counting Monday to Friday', () => {
    expect(days.add('2026-12-30', 3)).toEqual({ date: '2027-01-04', provisional: true });
  });
});
