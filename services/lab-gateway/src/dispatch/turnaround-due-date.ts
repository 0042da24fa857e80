import { WorkingDayCalendar } from '@qis/domain';

/** A report's due day and whether part of it was counted without the year's holiday schedule. */
export interface TurnaroundDueDate {
  date: string;
  provisional: boolean;
  unknownYears: number[];
}

let packageCalendar: WorkingDayCalendar | undefined;

/**
 * The day a lab's report is due: `workingDays` working days after `from` (Asia/Shanghai), by the one
 * calendar policy of `@qis/domain` — the State Council schedules of `chinese-days`, the fixed-date
 * statutory holidays in every year. The gateway cannot see the schedules enforcement's admins load,
 * and a sealed sample goes to its lab today, so a due day reaching a year without a schedule is still
 * named, counted with weekends and the statutory dates off, and marked provisional with the years
 * guessed: the dispatch records `dueOnProvisional`, logs a `calendar-year-missing` alert and audits it.
 */
export function turnaroundDueDate(
  from: string,
  workingDays: number,
  calendar: WorkingDayCalendar = (packageCalendar ??= WorkingDayCalendar.fromChineseDays()),
): TurnaroundDueDate {
  const { date, unknownYears } = calendar.addWorkingDaysProvisionally(from, workingDays);
  return { date, provisional: unknownYears.length > 0, unknownYears };
}
