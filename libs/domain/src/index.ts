export { ErrorCode, errorCodeFor } from './errors/error-codes';
export {
  BadRequestError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  ServiceUnavailableError,
  UnprocessableError,
  type DomainErrorDetails,
  type FieldReasons,
} from './errors/domain-error';
export { badRequest, conflict, forbidden, notFound, unprocessable } from './errors/refusals';

export {
  addDays,
  daysBetween,
  endOfShanghaiDay,
  isoWeekday,
  shanghaiDate,
  shanghaiEndOfDayAfter,
  shanghaiYear,
} from './dates/shanghai-time';

export { CalendarYearUnknownError, describeYears } from './calendar/calendar-year-unknown.error';
export { statutoryHolidayOn, statutoryHolidays, type StatutoryHoliday } from './calendar/statutory-holidays';
export {
  WorkingDayCalendar,
  type HolidayPeriod,
  type ScheduleSource,
  type YearSchedule,
} from './calendar/working-day-calendar';

export { BatchNumberPipe } from './pipes/batch-number.pipe';
export { CreditCodePipe } from './pipes/credit-code.pipe';
export { YearPipe } from './pipes/year.pipe';
