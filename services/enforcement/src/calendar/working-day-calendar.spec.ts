import { holidaySchedule2027 } from '../testing/holiday-schedule-2027';
import {
  CalendarYearUnknownError,
  endOfShanghaiDay,
  shanghaiDate,
  statutoryHolidays,
  WorkingDayCalendar,
} from '@qis/domain';

const calendar = WorkingDayCalendar.fromChineseDays();
const example = holidaySchedule2027();
const with2027 = calendar.withSchedules([
  {
    year: 2027,
    source: 'loaded',
    holidays: example.holidays,
    adjustedWorkingDays: example.adjustedWorkingDays,
  },
]);

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

  it('counts down in working days: 0 on the day, rest days skipped, negative once overdue', () => {
    // 2026-12-04 is a Friday: Monday 12-07 is the next working day.
    expect(calendar.workingDaysUntil('2026-12-04', '2026-12-04')).toBe(0);
    expect(calendar.workingDaysUntil('2026-12-04', '2026-12-07')).toBe(1);
    expect(calendar.workingDaysUntil('2026-12-04', '2026-12-11')).toBe(5);
    expect(calendar.workingDaysUntil('2026-12-07', '2026-12-04')).toBe(-1);
    // Overdue over a weekend only: still overdue.
    expect(calendar.workingDaysUntil('2026-12-05', '2026-12-04')).toBe(-1);
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

describe('WorkingDayCalendar with a loaded year (2027 approved here, 2026 from the package)', () => {
  it.each([
    [
      '2026-02-12',
      5,
      '2026-02-26',
      'Spring Festival 2026 (package): 调休 Saturday 02-14 counts, 02-15–02-23 off',
    ],
    ['2026-02-24', 5, '2026-03-02', 'after Spring Festival 2026: 调休 Saturday 02-28 counts'],
    [
      '2026-12-28',
      5,
      '2027-01-05',
      'across the year: 2026 from the package, 元旦 2027 from the loaded schedule',
    ],
    ['2027-02-03', 5, '2027-02-17', 'Spring Festival 2027: 02-05–02-13 off, 调休 Sunday 02-14 counts'],
    ['2027-02-17', 5, '2027-02-23', 'after Spring Festival 2027: 调休 Saturday 02-20 counts'],
    ['2027-04-29', 5, '2027-05-10', 'Labour Day 2027: 05-01–05-05 off, 调休 Saturday 05-08 counts'],
    ['2027-09-24', 5, '2027-09-30', 'before National Day 2027: 调休 Sunday 09-26 counts'],
    ['2027-09-29', 5, '2027-10-12', 'across National Day 2027 and the 调休 Saturday 10-09'],
  ])('%s + %i working days = %s (%s)', (start, n, expected) => {
    expect(with2027.addWorkingDays(start, n)).toBe(expected);
  });

  it.each([
    ['2027-09-16', 15, '2027-10-08', 'day 15 is National Day: the period ends on the next working day'],
    ['2027-01-28', 15, '2027-02-14', 'day 15 is 02-12, in Spring Festival: ends on the 调休 Sunday 02-14'],
  ])('calendar-day periods: %s + %i days ends %s (%s)', (start, days, expected) => {
    expect(with2027.lastDayOfPeriod(start, days)).toBe(expected);
  });

  it('knows the loaded year and where each year comes from', () => {
    expect(with2027.knownYears.at(-1)).toBe(2027);
    expect(with2027.schedule(2027)?.source).toBe('loaded');
    expect(with2027.schedule(2026)?.source).toBe('package');
    expect(() => with2027.isWorkingDay('2028-01-04')).toThrow(/no working-day calendar for 2028.*2004–2027/);
  });

  it("replaces the package's schedule for a year it loads, keeping the others", () => {
    const corrected = calendar.withSchedules([
      {
        year: 2026,
        source: 'loaded',
        holidays: [{ name: '国庆节', dates: ['2026-10-01', '2026-10-02', '2026-10-03'] }],
        adjustedWorkingDays: [],
      },
    ]);
    expect(corrected.isWorkingDay('2026-10-05')).toBe(true);
    expect(corrected.isWorkingDay('2026-10-10')).toBe(false);
    expect(corrected.isWorkingDay('2025-10-05')).toBe(false);
  });
});

describe('statutory fixed-date holidays', () => {
  it.each(['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03', '2031-10-02'])(
    '%s is never a working day, even before its year is loaded',
    (date) => {
      expect(calendar.isWorkingDay(date)).toBe(false);
    },
  );

  it('other days of a year not loaded are not guessed', () => {
    expect(() => calendar.isWorkingDay('2027-10-04')).toThrow(CalendarYearUnknownError);
    expect(() => calendar.isWorkingDay('2027-01-04')).toThrow(CalendarYearUnknownError);
  });

  it.each([
    [2027, ['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01', '2027-10-02', '2027-10-03']],
    [2024, ['2024-01-01', '2024-05-01', '2024-10-01', '2024-10-02', '2024-10-03']],
    [
      2007,
      ['2007-01-01', '2007-05-01', '2007-05-02', '2007-05-03', '2007-10-01', '2007-10-02', '2007-10-03'],
    ],
  ])('%i: %j (劳动节 has 2 days since the 2024 amendment, 3 until 2007)', (year, dates) => {
    expect(statutoryHolidays(year).map((h) => h.date)).toEqual(dates);
  });

  it('every year the package covers has them as holidays (the package and the rule agree)', () => {
    for (const year of calendar.knownYears)
      for (const { date } of statutoryHolidays(year)) {
        const schedule = calendar.schedule(year);
        expect([date, schedule?.holidays.some((p) => p.dates.includes(date))]).toEqual([date, true]);
      }
  });
});
