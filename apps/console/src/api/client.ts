import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { accessToken } from '../auth/keycloak';
import type * as disclosure from './generated/disclosure';
import type * as enforcement from './generated/enforcement';
import type * as evidence from './generated/evidence';
import type * as labGateway from './generated/lab-gateway';
import type * as planning from './generated/planning';
import type * as purchasing from './generated/purchasing';

export const SERVICES = [
  'planning',
  'purchasing',
  'evidence',
  'lab-gateway',
  'enforcement',
  'disclosure',
] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * The services' common error body: `{ statusCode, error, code, message, requestId }`. Switch on
 * `code` (docs/errors.md), never on the message text, which is for people.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly requestId?: string,
    readonly details: string[] = [],
    readonly code?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const bearer: Middleware = {
  async onRequest({ request }) {
    request.headers.set('authorization', `Bearer ${await accessToken()}`);
    return request;
  },
};

function clientOf<Paths extends object>(service: ServiceName): Client<Paths> {
  const client = createClient<Paths>({ baseUrl: `${window.location.origin}/api/${service}` });
  client.use(bearer);
  return client;
}

export const api = {
  planning: clientOf<planning.paths>('planning'),
  purchasing: clientOf<purchasing.paths>('purchasing'),
  evidence: clientOf<evidence.paths>('evidence'),
  labGateway: clientOf<labGateway.paths>('lab-gateway'),
  enforcement: clientOf<enforcement.paths>('enforcement'),
  disclosure: clientOf<disclosure.paths>('disclosure'),
};

/** Routes every service has (audit log, batch stage view, dead letters), typed once. */
type SharedPaths = Pick<
  planning.paths,
  | '/audit'
  | '/batches/{batchNumber}/stages'
  | '/ops/dead-letters'
  | '/ops/dead-letters/{topic}/{partition}/{offset}'
  | '/ops/dead-letters/{topic}/replay'
>;

export const clientFor = (service: ServiceName): Client<SharedPaths> =>
  ({
    planning: api.planning,
    purchasing: api.purchasing,
    evidence: api.evidence,
    'lab-gateway': api.labGateway,
    enforcement: api.enforcement,
    disclosure: api.disclosure,
  })[service] as unknown as Client<SharedPaths>;

/** The error body as an ApiError (validation messages list each field and reason). */
export function errorOf(status: number, body: unknown): ApiError {
  const b = (body ?? {}) as {
    message?: unknown;
    code?: unknown;
    requestId?: string;
    error?: string;
    errors?: Array<{ field?: string; reasons?: string[] }>;
  };
  // The services name each refused field and its reasons: `errors: [{ field, reasons }]`.
  const details = Array.isArray(b.errors)
    ? b.errors.map((e) => `${e.field ?? ''}: ${(e.reasons ?? []).join('; ')}`)
    : Array.isArray(b.message)
      ? b.message.map(String)
      : [];
  const message =
    typeof b.message === 'string' ? b.message : details.join('; ') || b.error || `HTTP ${status}`;
  return new ApiError(status, message, b.requestId, details, typeof b.code === 'string' ? b.code : undefined);
}

/** The data of an openapi-fetch answer, or its error thrown as ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw errorOf(response.status, error);
  return data as T;
}

/** A raw request through the same origin and token (uploads with progress, files). */
export async function authorizedHeaders(): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await accessToken()}` };
}
