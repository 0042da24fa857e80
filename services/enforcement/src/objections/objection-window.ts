import { daysBetween, shanghaiDate, type WorkingDayCalendar } from '@qis/domain';
import { OBJECTION_PERIOD_DAYS } from '../kernel/objection-period';

/** Days the applicant and the lab have to complete re-inspection procedures (七日内). */
export const PROCEDURES_PERIOD_DAYS = 7;

export interface WindowJudgement {
  inTime: boolean;
  /** Day of the period on which it was filed (receipt + 1 is day 1). */
  day: number;
  receivedOn: string;
  filedOn: string;
  lastDay: string;
  reason?: string;
}

/**
 * Whether an objection was filed in time, in Shanghai calendar days: received on 06-01, day 15
 * is 06-16 (extended to the next working day when it is a holiday or rest day).
 */
export function judgeObjectionWindow(
  calendar: WorkingDayCalendar,
  receivedAt: Date,
  filedAt: Date,
): WindowJudgement {
  const receivedOn = shanghaiDate(receivedAt);
  const filedOn = shanghaiDate(filedAt);
  const lastDay = calendar.lastDayOfPeriod(receivedOn, OBJECTION_PERIOD_DAYS);
  const day = daysBetween(receivedOn, filedOn);
  const inTime = filedOn <= lastDay;
  return {
    inTime,
    day,
    receivedOn,
    filedOn,
    lastDay,
    ...(inTime
      ? {}
      : {
          reason:
            `filed on ${filedOn} (day ${day}); the notice was received on ${receivedOn} and the ` +
            `${OBJECTION_PERIOD_DAYS}-day period to object ended on ${lastDay}`,
        }),
  };
}
