import { ConflictException, ForbiddenException, UnprocessableEntityException } from '@nestjs/common';

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

export const forbidden = (message: string): ForbiddenException =>
  new ForbiddenException({ statusCode: 403, error: 'Forbidden', message });
