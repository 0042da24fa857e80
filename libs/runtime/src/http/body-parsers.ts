import { HttpException, HttpStatus, type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** What body-parser (through `http-errors`) puts on the errors it raises. */
interface BodyParserError {
  type?: unknown;
  status?: unknown;
  expose?: unknown;
  limit?: unknown;
}

const refusal = (status: number, message: string): HttpException =>
  new HttpException(
    { statusCode: status, error: HttpStatus[status] ? titleOf(status) : 'Error', message },
    status,
  );

/** `PAYLOAD_TOO_LARGE` → `Payload Too Large`, as Nest's own exceptions name them. */
const titleOf = (status: number): string =>
  String(HttpStatus[status])
    .toLowerCase()
    .split('_')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');

/**
 * A body the parsers refused, as the answer it deserves (`null`: not a refusal of the client's
 * body). Without this an oversized body surfaced as a 500 (body-parser's error is no HttpException)
 * and a malformed one echoed the JSON parser's message.
 */
export function bodyRefusal(error: unknown): HttpException | null {
  if (!(error instanceof Error)) return null;
  const { type, status, expose, limit } = error as BodyParserError;
  if (typeof type !== 'string' || typeof status !== 'number' || status < 400 || status > 499) return null;
  switch (type) {
    case 'entity.too.large':
      return refusal(413, `the request body is larger than ${String(limit)} bytes`);
    case 'parameters.too.many':
      return refusal(413, 'the request body has too many parameters');
    case 'entity.parse.failed':
      return refusal(400, 'the request body is not valid JSON');
    case 'charset.unsupported':
      return refusal(415, 'the request body must be UTF-8');
    case 'encoding.unsupported':
      return refusal(415, 'the request body has a content encoding this service does not accept');
    case 'request.aborted':
      return refusal(400, 'the request body was not received completely');
    case 'request.size.invalid':
      return refusal(400, 'the request body does not match its Content-Length');
    default:
      return expose === true ? refusal(status, error.message) : null;
  }
}

/**
 * JSON and URL-encoded bodies up to `limitBytes` (Nest's own parsers, now with a stated limit),
 * followed by the step that turns their refusals into HTTP exceptions for the error filter: 413
 * for an oversized body, 400 for malformed JSON, 415 for a charset or encoding it cannot read —
 * each in the one error shape with its `requestId`. Call before the app is initialised (the
 * parsers must come before the routes); create the app with `bodyParser: false`.
 */
export function useBodyParsers(app: INestApplication, limitBytes: number): void {
  const withParsers = app as INestApplication & {
    useBodyParser(type: 'json' | 'urlencoded', options: Record<string, unknown>): unknown;
  };
  withParsers.useBodyParser('json', { limit: limitBytes });
  withParsers.useBodyParser('urlencoded', { limit: limitBytes, extended: true });
  app.use((error: unknown, _req: Request, _res: Response, next: NextFunction) =>
    next(bodyRefusal(error) ?? error),
  );
}
