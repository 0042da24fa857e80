import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import pino from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** Reuses a caller's `x-request-id` when it is sane, otherwise makes one; echoes it back. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('x-request-id', id);
  return id;
}

/** Paths of log fields that must never be written: tokens, cookies, secrets, identities. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  // A headers object logged on its own, or one level down (`{ headers }`, `{ request: { headers } }`).
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'authorization',
  '*.authorization',
  'req.headers["idempotency-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.token',
];

/**
 * Fields of an error that carry the data a statement worked on, never written: TypeORM's
 * `QueryFailedError` keeps the query's `parameters`, and PostgreSQL's `detail` (copied onto it
 * from the driver's error) repeats the values of the row (`Key (address)=(…) already exists`);
 * `where` and `internalQuery` can quote them too (a COPY line, a function's statement).
 */
const ERROR_DATA_FIELDS = new Set(['parameters', 'detail', 'where', 'internalQuery']);
/** Longest SQL text an error line carries (as the query logger of `@qis/persistence`). */
const QUERY_CHARS = 500;

/** A serialized error without its data fields, nested errors included; a new object each level. */
function withoutData(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => withoutData(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (ERROR_DATA_FIELDS.has(key)) continue;
    if (key === 'query' && typeof field === 'string' && field.length > QUERY_CHARS)
      out[key] = `${field.slice(0, QUERY_CHARS)}…`;
    else out[key] = withoutData(field, depth + 1);
  }
  return out;
}

/**
 * pino's error serializer, minus the data a failed statement carries (see `ERROR_DATA_FIELDS`):
 * every `err` a service logs (the exception filter's 500s, consumer failures, schedulers) goes
 * through it. The error object itself is left untouched. pino-http hands it the error already
 * serialized by pino's own serializer; plain pino, the error.
 */
export function serializeError(error: unknown): unknown {
  return withoutData(error instanceof Error ? pino.stdSerializers.err(error) : error);
}

export function loggerParams(service: string, level: string): Params {
  return {
    pinoHttp: {
      level,
      // Workers behind one port (bootstrapInWorkers) are told apart by their process id.
      base: cluster.isWorker ? { service, pid: process.pid } : { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      genReqId: requestId,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health/') },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: serializeError,
      },
    },
  };
}
