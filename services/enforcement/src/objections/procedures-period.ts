import { endOfShanghaiDay, shanghaiDate } from '@qis/domain';
import { PROCEDURES_PERIOD_DAYS } from './objection-window';
import type { Objection } from './objection.entity';

/** The end of the 7-day procedures period of a notice received at `receivedAt` (its day counts from the next). */
export function proceduresCompleteBy(
  calendar: { lastDayOfPeriod(from: string, days: number): string },
  receivedAt: Date,
): Date {
  return endOfShanghaiDay(calendar.lastDayOfPeriod(shanghaiDate(receivedAt), PROCEDURES_PERIOD_DAYS));
}

/** Where the 7-day procedures period of an objection stands (shown so on the objection). */
export const PROCEDURES_PERIOD_STATES = [
  'awaiting-lab',
  'awaiting-receipt',
  'awaiting-calendar',
  'running',
  'ended',
] as const;
export type ProceduresPeriodState = (typeof PROCEDURES_PERIOD_STATES)[number];

export function proceduresPeriodState(
  o: Pick<Objection, 'status' | 'labNotifiedAt' | 'labNoticeReceivedAt' | 'completeBy'>,
): ProceduresPeriodState | null {
  if (o.status === 're-inspecting' || o.status === 'completed' || (o.status === 'waived' && o.labNotifiedAt))
    return 'ended';
  if (o.status !== 'approved') return null;
  if (!o.labNotifiedAt) return 'awaiting-lab';
  // Objections approved before receipts were recorded count from the dispatch: their due date is set.
  if (o.completeBy) return 'running';
  return o.labNoticeReceivedAt ? 'awaiting-calendar' : 'awaiting-receipt';
}
