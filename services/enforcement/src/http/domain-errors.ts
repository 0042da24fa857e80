import { ConflictException, UnprocessableEntityException } from '@nestjs/common';

/** The request is valid but the record's state does not allow it (409). */
export const conflict = (message: string): ConflictException =>
  new ConflictException({ statusCode: 409, error: 'Conflict', message });

/** Well-formed input that breaks a rule, naming the field (422). */
export const unprocessable = (field: string, reason: string): UnprocessableEntityException =>
  new UnprocessableEntityException({
    statusCode: 422,
    error: 'Unprocessable Entity',
    message: `${field}: ${reason}`,
    errors: [{ field, reasons: [reason] }],
  });

/** An instant recorded as past (a delivery, a filing, a decision) must not lie in the future. */
export const notInFuture = (field: string, value: Date, now: Date): void => {
  if (value.getTime() > now.getTime() + 60_000)
    throw unprocessable(field, `must not be in the future (${value.toISOString()})`);
};
