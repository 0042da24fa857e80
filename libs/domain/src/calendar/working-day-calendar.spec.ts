import { CalendarYearUnknownError } from './calendar-year-unknown.error';
import { WorkingDayCalendar } from './working-day-calendar';

// One policy for every service: the package's schedules (2004–2026 at the time of writing), the
// fixed-date statutory holidays in every year, and no silent Monday–Friday for a year without one.
const calendar = WorkingDayCalendar.fromChineseDays();
const unknownYear = Math.max(...calendar.knownYears) + 1;

describe('WorkingDayCalendar: one policy', () => {
  it('refuses a working-day count reaching a year without a schedule (CalendarYearUnknownError, 503 calendar_year_unknown)', () => {
    expect(() => calendar.addWorkingDays(`${unknownYear - 1}-12-30`, 3)).toThrow(CalendarYearUnknownError);
    try {
      calendar.isWorkingDay(`${unknownYear}-03-01`);
      throw new Error('no refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarYearUnknownError);
      expect(error).toMatchObject({ year: unknownYear, code: 'calendar_year_unknown' });
      expect((error as CalendarYearUnknownError).getStatus()).toBe(503);
    }
  });

  it('knows the fixed-date statutory holidays of any year, schedule or not', () => {
    expect(calendar.isWorkingDay(`${unknownYear}-01-01`)).toBe(false);
    expect(calendar.isWorkingDay(`${unknownYear}-10-02`)).toBe(false);
  });

  it('a provisional count names the years it guessed and skips their statutory holidays: 2026-12-30 + 3 is 2027-01-05, not the Monday–Friday 2027-01-04', () => {
    const without2027 = new WorkingDayCalendar(
      calendar.knownYears.filter((y) => y < 2027).map((y) => calendar.schedule(y)!),
    );
    expect(without2027.addWorkingDaysProvisionally('2026-12-30', 3)).toEqual({
      date: '2027-01-05', // 12-31 Thu; 01-01 Fri is 元旦; 01-04 Mon, 01-05 Tue
      unknownYears: [2027],
    });
    expect(without2027.addWorkingDaysProvisionally('2026-03-05', 10)).toEqual({
      date: '2026-03-19',
      unknownYears: [],
    });
  });

  it('a loaded schedule replaces the guess: the year counts with its own holidays', () => {
    const loaded = calendar.withSchedules([
      {
        year: unknownYear,
        source: 'loaded',
        holidays: [
          { name: '元旦', dates: [`${unknownYear}-01-01`, `${unknownYear}-01-02`, `${unknownYear}-01-03`] },
        ],
        adjustedWorkingDays: [],
      },
    ]);
    expect(loaded.addWorkingDaysProvisionally(`${unknownYear}-01-01`, 1).unknownYears).toEqual([]);
    expect(loaded.isWorkingDay(`${unknownYear}-03-01`)).toBe(isoWeekdayOf(`${unknownYear}-03-01`) <= 5);
  });
});

const isoWeekdayOf = (date: string): number => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
};
