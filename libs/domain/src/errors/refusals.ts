import { ErrorCode } from './error-codes';
import {
  BadRequestError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  type DomainErrorDetails,
} from './domain-error';

/** 409: the record's state does not allow the request (`code` names which rule, when one does). */
export const conflict = (message: string, code: string = ErrorCode.conflict, details?: DomainErrorDetails) =>
  new ConflictError(code, message, details);

/** 422 naming the field and why: `field: reasons` as the message, `errors: [{ field, reasons }]`. */
export const unprocessable = (field: string, ...reasons: string[]): UnprocessableError =>
  new UnprocessableError(ErrorCode.unprocessable, `${field}: ${reasons.join('; ')}`, {
    errors: [{ field, reasons }],
  });

/** 400 naming the field and why, in the validation pipe's shape (a rule beyond its reach). */
export const badRequest = (field: string, ...reasons: string[]): BadRequestError =>
  new BadRequestError(ErrorCode.validationFailed, `${field} ${reasons.join('; ')}`, {
    errors: [{ field, reasons }],
  });

/** 403 saying what the caller may not do (with the field that asked for it, when one did). */
export const forbidden = (message: string, field?: string): ForbiddenError =>
  new ForbiddenError(ErrorCode.forbidden, message, field ? { errors: [{ field, reasons: [message] }] } : {});

/** The one 404 for an id: the same whether the record is missing or outside the caller's scope. */
export const notFound = (entity: string, id: string): NotFoundError =>
  new NotFoundError(ErrorCode.notFound, `${entity} ${id} not found`);
