import { holidaySchedule2027 } from '../testing/holiday-schedule-2027';
import { scheduleProblems, scheduleRefused } from './holiday-schedule-rules';

const withHoliday = (i: number, dates: string[]) => {
  const example = holidaySchedule2027();
  return { ...example, holidays: example.holidays.map((p, j) => (j === i ? { ...p, dates } : p)) };
};

describe("a year's holiday schedule as transcribed", () => {
  it('accepts a schedule shaped like the State Council notice', () => {
    expect(scheduleProblems(holidaySchedule2027())).toEqual([]);
  });

  it.each([
    [
      'a holiday date outside the year',
      withHoliday(0, ['2026-12-31', '2027-01-01']),
      'holidays[0].dates[0]',
      /2026-12-31 is outside 2027/,
    ],
    [
      'a date that does not exist',
      withHoliday(4, ['2027-02-30']),
      'holidays[4].dates[0]',
      /not a calendar date/,
    ],
    [
      'an adjusted working day outside the year',
      holidaySchedule2027({ adjustedWorkingDays: ['2028-01-08'] }),
      'adjustedWorkingDays[0]',
      /outside 2027/,
    ],
    [
      'a day both holiday and adjusted working day',
      holidaySchedule2027({ adjustedWorkingDays: ['2027-02-13'] }),
      'adjustedWorkingDays[0]',
      /2027-02-13 is also a holiday \(春节\)/,
    ],
    [
      'National Day marked a working day',
      holidaySchedule2027({ adjustedWorkingDays: ['2027-10-02'] }),
      'adjustedWorkingDays[0]',
      /statutory holiday \(国庆节.*never a working day/,
    ],
    [
      '2 May marked a working day (劳动节 has 2 statutory days since 2025)',
      holidaySchedule2027({ adjustedWorkingDays: ['2027-05-02'] }),
      'adjustedWorkingDays[0]',
      /statutory holiday \(劳动节/,
    ],
    [
      'a weekday as adjusted working day',
      holidaySchedule2027({ adjustedWorkingDays: ['2027-02-17'] }),
      'adjustedWorkingDays[0]',
      /Wednesday, a working day anyway/,
    ],
    [
      'a date in two holiday periods',
      withHoliday(5, ['2027-09-15', '2027-10-01']),
      'holidays[6].dates[0]',
      /2027-10-01 is already a day of 中秋节/,
    ],
    [
      'New Year’s Day left out of the holidays',
      withHoliday(0, ['2027-01-02', '2027-01-03']),
      'holidays',
      /2027-01-01 \(元旦\) is a statutory holiday and must be in a holiday period/,
    ],
  ])('refuses %s, naming the field', (_what, input, field, reason) => {
    const problems = scheduleProblems(input);
    const found = problems.find((p) => p.field === field);
    expect(found?.reasons.join('; ')).toMatch(reason);
  });

  it('answers 422 with every problem and its field', () => {
    const error = scheduleRefused(
      scheduleProblems(holidaySchedule2027({ adjustedWorkingDays: ['2027-10-01', '2027-03-03'] })),
    );
    expect(error.getStatus()).toBe(422);
    expect(error.getResponse()).toMatchObject({
      statusCode: 422,
      errors: [
        { field: 'adjustedWorkingDays[0]', reasons: [expect.stringMatching(/国庆节/)] },
        { field: 'adjustedWorkingDays[1]', reasons: [expect.stringMatching(/Wednesday/)] },
      ],
    });
  });
});
