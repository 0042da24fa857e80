import type { ReportIssuedValue } from '@qis/contracts';
import { endOfShanghaiDay, shanghaiDate, type WorkingDayCalendar } from '@qis/domain';

/** Working days the bureau has to send the result notice after receiving the result. */
export const RESULT_NOTICE_WORKING_DAYS = 5;

/** The alert subject of a report's result notice deadline that could not be computed. */
export const resultNoticeDueSubject = (batchNumber: string, reportNumber: string): string =>
  `${batchNumber}/${reportNumber}/result-notice-due`;

/**
 * Where the 5 working days of a result notice start, and why: the bureau's receipt of the report
 * (`receivedAt`, when the lab gateway accepted it; operating rules §6), or the lab's `issuedAt` for
 * a report published before the receipt was recorded.
 */
export interface ResultNoticeClockStart {
  from: 'receivedAt' | 'issuedAt';
  at: string;
}

export const resultNoticeClockStart = (report: ReportIssuedValue): ResultNoticeClockStart =>
  report.receivedAt
    ? { from: 'receivedAt', at: report.receivedAt }
    : { from: 'issuedAt', at: report.issuedAt };

/** End (Asia/Shanghai) of the 5th working day after the day the bureau received the report. */
export const resultNoticeDueAt = (calendar: WorkingDayCalendar, report: ReportIssuedValue): Date =>
  endOfShanghaiDay(
    calendar.addWorkingDays(
      shanghaiDate(new Date(resultNoticeClockStart(report).at)),
      RESULT_NOTICE_WORKING_DAYS,
    ),
  );

/** The audit's explanation of a result notice's due date: which time of the report it counts from. */
export const resultNoticeDueBasis = (report: ReportIssuedValue) => {
  const start = resultNoticeClockStart(report);
  return {
    deadlineFrom: start.from,
    deadlineStart: start.at,
    deadlineRule: `${RESULT_NOTICE_WORKING_DAYS} working days from the ${
      start.from === 'receivedAt'
        ? "bureau's receipt of the report"
        : "lab's issue of the report (receipt not recorded)"
    }`,
  };
};
