import { CalendarYearUnknownError } from './calendar-year-unknown.error';
import { endOfShanghaiDay, shanghaiDate } from './shanghai-time';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = WorkingDayCalendar.fromChineseDays();

describe('WorkingDayCalendar (State Council schedule from chinese-days)', () => {
  it.each([
    ['2026-09-30', true, 'Wednesday before National Day'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-07', false, 'last day of the National Day holiday'],
    ['2026-10-08', true, 'Thursday after the holiday'],
    ['2026-10-10', true, 'Saturday worked instead (调休)'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2026-09-20', true, 'Sunday worked instead (调休)'],
    ['2026-09-25', false, 'Mid-Autumn Festival (a Friday)'],
    ['2026-06-16', true, 'ordinary Tuesday'],
    ['2026-02-14', true, 'Saturday worked before the Spring Festival'],
    ['2026-02-17', false, 'Spring Festival'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(calendar.isWorkingDay(date)).toBe(expected);
  });

  it.each([
    ['2026-09-29', 5, '2026-10-12', 'across National Day and the 调休 Saturday 10-10'],
    ['2026-09-30', 1, '2026-10-08', 'the day after the holiday'],
    ['2026-10-09', 1, '2026-10-10', 'the 调休 Saturday counts'],
    ['2026-06-01', 5, '2026-06-08', 'an ordinary week'],
    ['2026-06-05', 5, '2026-06-12', 'from a Friday, weekend skipped'],
  ])('5-working-day style deadlines: %s + %i working days = %s (%s)', (start, n, expected) => {
    expect(calendar.addWorkingDays(start, n)).toBe(expected);
  });

  it.each([
    ['2026-06-01', 15, '2026-06-16', 'day 15 is a Tuesday'],
    ['2026-09-16', 15, '2026-10-08', 'day 15 is National Day: the period ends on the next working day'],
    ['2026-09-26', 15, '2026-10-12', 'day 15 is an ordinary Sunday: ends Monday'],
    ['2026-09-25', 15, '2026-10-10', 'day 15 is the 调休 Saturday, a working day: it stands'],
    ['2026-06-03', 7, '2026-06-10', '7 days, ordinary week'],
  ])('calendar-day periods: %s + %i days ends %s (%s)', (start, days, expected) => {
    expect(calendar.lastDayOfPeriod(start, days)).toBe(expected);
  });

  it('refuses a date in a year it has no schedule for, naming the year and the known years', () => {
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarYearUnknownError);
    expect(() => calendar.addWorkingDays('2026-12-28', 5)).toThrow(
      /no working-day calendar for 2027.*2004–2026/,
    );
    // Over HTTP: 503 with the same message (the request is fine, the schedule is missing).
    const error = new CalendarYearUnknownError(2027, calendar.knownYears);
    expect(error.getStatus()).toBe(503);
    expect(error.getResponse()).toMatchObject({ statusCode: 503, message: error.message });
  });

  it('counts days in Asia/Shanghai: 16:30 UTC on 09-29 is already 09-30 there', () => {
    expect(shanghaiDate(new Date('2026-09-29T16:30:00Z'))).toBe('2026-09-30');
    expect(shanghaiDate(new Date('2026-09-29T15:59:59Z'))).toBe('2026-09-29');
    expect(endOfShanghaiDay('2026-10-12').toISOString()).toBe('2026-10-12T15:59:59.999Z');
  });
});
