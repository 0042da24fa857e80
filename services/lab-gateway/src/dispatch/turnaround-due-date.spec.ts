import { CalendarYearUnknownError, WorkingDayCalendar } from '@qis/domain';
import { turnaroundDueDate } from './turnaround-due-date';

// The package's schedules as they are, and the same without 2027 (should a later chinese-days know it).
const packaged = WorkingDayCalendar.fromChineseDays();
const without2027 = new WorkingDayCalendar(
  packaged.knownYears
    .filter((y) => y < 2027)
    .map((y) => packaged.schedule(y) as NonNullable<ReturnType<typeof packaged.schedule>>),
);

describe('turnaroundDueDate (the one calendar policy of @qis/domain)', () => {
  it.each([
    ['2026-03-05', 10, '2026-03-19'], // Thursday + 10 working days, two weekends
    ['2026-09-30', 1, '2026-10-08'], // National Day holidays skipped
    ['2026-02-13', 1, '2026-02-14'], // Saturday 14 Feb 2026 is a 调休 working day
  ])('counts %s + %i working days as %s', (from, n, expected) => {
    expect(turnaroundDueDate(from, n)).toEqual({ date: expected, provisional: false, unknownYears: [] });
  });

  it('refuses an unknown year like enforcement: the calendar behind it throws CalendarYearUnknownError', () => {
    expect(() => without2027.addWorkingDays('2026-12-30', 3)).toThrow(CalendarYearUnknownError);
    expect(() => without2027.isWorkingDay('2027-03-01')).toThrow(/no working-day calendar for 2027/);
  });

  it('does not count a 2027 turnaround Monday to Friday silently: 元旦 is skipped and the date is marked provisional, naming 2027', () => {
    // Monday to Friday would give Monday 2027-01-04; 1 January is a statutory holiday in every year.
    expect(turnaroundDueDate('2026-12-30', 3, without2027)).toEqual({
      date: '2027-01-05',
      provisional: true,
      unknownYears: [2027],
    });
  });
});
