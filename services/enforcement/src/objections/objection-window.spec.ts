import { WorkingDayCalendar } from '@qis/domain';
import { judgeObjectionWindow } from './objection-window';

const calendar = WorkingDayCalendar.fromChineseDays();

describe('judgeObjectionWindow (15 days from receipt, Asia/Shanghai)', () => {
  it.each([
    ['2026-06-01T02:00:00Z', '2026-06-16T09:00:00Z', true, 15],
    ['2026-06-01T02:00:00Z', '2026-06-17T01:00:00Z', false, 16],
    // 16:30 UTC on 06-16 is already 06-17 in Shanghai: day 16.
    ['2026-06-01T02:00:00Z', '2026-06-16T16:30:00Z', false, 16],
    // Day 15 (10-01) is National Day: the period runs to the first working day, 10-08.
    ['2026-09-16T02:00:00Z', '2026-10-08T08:00:00Z', true, 22],
    ['2026-09-16T02:00:00Z', '2026-10-09T01:00:00Z', false, 23],
  ])('received %s, filed %s → in time %s (day %i)', (received, filed, inTime, day) => {
    const judged = judgeObjectionWindow(calendar, new Date(received), new Date(filed));
    expect(judged.inTime).toBe(inTime);
    expect(judged.day).toBe(day);
  });

  it('refuses a day-16 objection with the dates in the reason', () => {
    const judged = judgeObjectionWindow(
      calendar,
      new Date('2026-06-01T02:00:00Z'),
      new Date('2026-06-17T01:00:00Z'),
    );
    expect(judged.reason).toBe(
      'filed on 2026-06-17 (day 16); the notice was received on 2026-06-01 and the 15-day period to object ended on 2026-06-16',
    );
  });
});
