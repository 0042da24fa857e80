// Moved to @qis/domain (one calendar policy for every service). This re-export stays only while files
// being edited elsewhere still import it here; import from '@qis/domain'.
export { CalendarYearUnknownError, describeYears } from '@qis/domain';
