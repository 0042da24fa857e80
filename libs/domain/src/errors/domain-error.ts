import { HttpException } from '@nestjs/common';

/** A field and why it was refused, as in every 400/422 body. */
export interface FieldReasons {
  field: string;
  reasons: string[];
}

/** What an error body may carry besides status, code and message: fields, the rule, ids. */
export interface DomainErrorDetails {
  errors?: readonly FieldReasons[];
  rule?: string;
  [key: string]: unknown;
}

const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  503: 'Service Unavailable',
};

/**
 * A refusal with a stable machine-readable `code`. The global error filter (`@qis/runtime`) answers
 * it as `{ statusCode, error, code, message, ...details, requestId }`; it is an `HttpException`, so
 * anything that handles those (tests, Nest) keeps working.
 */
export class DomainError extends HttpException {
  constructor(
    readonly code: string,
    status: number,
    message: string,
    readonly details: DomainErrorDetails = {},
  ) {
    super(
      { statusCode: status, error: REASON_PHRASES[status] ?? 'Error', code, message, ...details },
      status,
    );
    this.message = message;
    this.name = new.target.name;
  }
}

/** 400: the request is malformed; `details.errors` names each field. */
export class BadRequestError extends DomainError {
  constructor(code: string, message: string, details?: DomainErrorDetails) {
    super(code, 400, message, details);
  }
}

/** 403: the caller may not do this. */
export class ForbiddenError extends DomainError {
  constructor(code: string, message: string, details?: DomainErrorDetails) {
    super(code, 403, message, details);
  }
}

/** 404: unknown, or outside what the caller may see (the same answer). */
export class NotFoundError extends DomainError {
  constructor(code: string, message: string, details?: DomainErrorDetails) {
    super(code, 404, message, details);
  }
}

/** 409: the request is valid but the record's state does not allow it. */
export class ConflictError extends DomainError {
  constructor(code: string, message: string, details?: DomainErrorDetails) {
    super(code, 409, message, details);
  }
}

/** 422: well-formed input that breaks a rule; `details.errors` names the field. */
export class UnprocessableError extends DomainError {
  constructor(code: string, message: string, details?: DomainErrorDetails) {
    super(code, 422, message, details);
  }
}

/** 503: the request is fine; the service lacks something to answer it (a calendar year, a peer). */
export class ServiceUnavailableError extends DomainError {
  constructor(code: string, message: string, details?: DomainErrorDetails) {
    super(code, 503, message, details);
  }
}
