import { conflict, unprocessable } from '@qis/domain';
import { notInFuture } from '../http/domain-errors';
import { assertSameInstant, assertSecondOfficer, backdated } from '../http/four-eyes';
import type { DeliveryFailureReason } from './notice.entity';

/**
 * The rules every delivery record follows, a result notice's as a 《复检机构确定通知书》's: times never
 * after enforcement's clock nor before the document was made, a receipt not before its sending, a
 * receipt on an earlier day than today (which would start a period in the past) only on a stated
 * proof of service and a second officer's confirmation.
 */
export interface DeliveryTimes {
  sentAt: Date;
  receivedAt: Date | null;
  /** The receipt lies on an earlier day than today: it waits for a second officer. */
  late: boolean;
}

export function readDeliveryTimes(
  command: { sentAt: string; receivedAt?: string; receiptReason?: string },
  now: Date,
  consequence: string,
): DeliveryTimes {
  const sentAt = new Date(command.sentAt);
  const receivedAt = command.receivedAt ? new Date(command.receivedAt) : null;
  notInFuture('sentAt', sentAt, now);
  if (receivedAt) {
    notInFuture('receivedAt', receivedAt, now);
    if (receivedAt < sentAt) throw unprocessable('receivedAt', `is before sentAt (${command.sentAt})`);
  }
  const late =
    receivedAt !== null &&
    backdated('receivedAt', receivedAt, now, command.receiptReason, 'receiptReason', consequence);
  return { sentAt, receivedAt, late };
}

/** A failed delivery's times: refused or returned was sent first; an unknown address may not have been. */
export function readFailureTimes(
  command: { reason: DeliveryFailureReason; sentAt?: string; failedAt: string },
  now: Date,
): { failedAt: Date; sentAt: Date | null } {
  const failedAt = new Date(command.failedAt);
  const sentAt = command.sentAt ? new Date(command.sentAt) : null;
  notInFuture('failedAt', failedAt, now);
  if (sentAt) {
    notInFuture('sentAt', sentAt, now);
    if (failedAt < sentAt) throw unprocessable('failedAt', `is before sentAt (${command.sentAt})`);
  } else if (command.reason !== 'address-unknown') {
    throw unprocessable('sentAt', `is required when the notice was ${command.reason}: it was sent first`);
  }
  return { failedAt, sentAt };
}

/** Not sent before it was made (to the second: a client's instant truncated to whole seconds may share it). */
export function assertSentAfterIssue(sentAt: Date, issuedAt: Date, detail = ''): void {
  if (sentAt.getTime() < Math.floor(issuedAt.getTime() / 1000) * 1000)
    throw unprocessable('sentAt', `precedes the notice's issue (${issuedAt.toISOString()})${detail}`);
}

/** The receipt columns a delivered document keeps. */
export interface ReceiptRecord {
  receivedAt: Date | null;
  receiptPendingAt: Date | null;
  receiptReason: string | null;
  receiptRecordedBy: string | null;
  receiptConfirmedBy: string | null;
}

/** Records a receipt: at once, or (late) pending until a second officer confirms it. */
export function recordReceipt(
  record: ReceiptRecord,
  times: DeliveryTimes,
  reason: string | undefined,
  recorder: string,
): void {
  if (times.late) {
    record.receiptPendingAt = times.receivedAt;
    record.receiptReason = reason ?? null;
    record.receiptRecordedBy = recorder;
  } else {
    record.receivedAt = times.receivedAt;
  }
}

/**
 * A second officer confirms a receipt recorded after its day (never the officer who recorded it);
 * returns the receipt, now in force.
 */
export function confirmPendingReceipt(
  record: ReceiptRecord,
  confirmer: string,
  confirmed: Date,
  what: string,
): Date {
  const pending = record.receiptPendingAt;
  if (!pending) throw conflict(`${what} has no receipt awaiting confirmation`);
  assertSameInstant('receivedAt', confirmed, pending, 'receipt');
  assertSecondOfficer(
    record.receiptRecordedBy,
    confirmer,
    `the receipt of ${what} on ${pending.toISOString()}`,
  );
  record.receivedAt = pending;
  record.receiptPendingAt = null;
  record.receiptConfirmedBy = confirmer;
  return pending;
}
