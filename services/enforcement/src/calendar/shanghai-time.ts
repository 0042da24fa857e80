// Moved to @qis/domain (one copy for every service). This re-export stays only while files being
// edited elsewhere still import it here; import from '@qis/domain'.
export { addDays, daysBetween, endOfShanghaiDay, isoWeekday, shanghaiDate } from '@qis/domain';
