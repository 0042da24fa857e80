import { ConflictError, ErrorCode, shanghaiDate, unprocessable } from '@qis/domain';

/** The four-eyes rule broken: the officer who recorded a record may not confirm it (409, `rule: 'four-eyes'`). */
export class FourEyesConflict extends ConflictError {
  constructor(message: string) {
    super(ErrorCode.fourEyes, message, { rule: 'four-eyes' });
  }
}

/**
 * Whether an instant recorded now lies on an earlier Asia/Shanghai day than today: it would start
 * or stop a legal clock in the past, so it needs a stated reason (422 naming `field` without one)
 * and a second officer's confirmation.
 */
export function backdated(
  field: string,
  at: Date,
  now: Date,
  reason: string | undefined,
  reasonField: string,
  consequence: string,
): boolean {
  if (shanghaiDate(at) >= shanghaiDate(now)) return false;
  if (!reason)
    throw unprocessable(
      field,
      `lies on ${shanghaiDate(at)}, before today (${shanghaiDate(now)}, Asia/Shanghai): ${consequence}; ` +
        `give ${reasonField} (the proof it rests on) and have a second officer confirm it`,
    );
  return true;
}

/** A second officer confirms what `recordedBy` recorded: never the same person. */
export function assertSecondOfficer(recordedBy: string | null, confirmer: string, what: string): void {
  if (recordedBy === confirmer)
    throw new FourEyesConflict(
      `four-eyes rule: ${confirmer} recorded ${what}; a second officer must confirm it`,
    );
}

/** The instant a confirmation names must be the one awaiting it (422 naming `field` otherwise). */
export function assertSameInstant(field: string, confirmed: Date, pending: Date, what: string): void {
  if (confirmed.getTime() !== pending.getTime())
    throw unprocessable(
      field,
      `is not the ${what} awaiting confirmation (${pending.toISOString()}): confirm the instant the proof shows`,
    );
}
