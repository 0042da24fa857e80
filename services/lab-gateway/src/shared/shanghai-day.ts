// Moved to @qis/domain as `shanghaiDate` (one copy for every service). This re-export stays only
// while a file being edited elsewhere still imports it here.
export { shanghaiDate as shanghaiDay } from '@qis/domain';
