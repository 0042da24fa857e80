import { randomUUID } from 'node:crypto';
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './lab-gateway';

export type Assignment = components['schemas']['AssignmentView'];
export type AssignmentPage = components['schemas']['AssignmentPage'];
export type ReportSubmission = components['schemas']['SubmitReportCommand'];
export type Report = components['schemas']['ReportView'];
export type ProgressUpdate = components['schemas']['ReportProgressCommand'];
export type ErrorResponse = components['schemas']['ErrorResponse'];
export type AssignmentStatus = NonNullable<paths['/v1/assignments']['get']['parameters']['query']>['status'];

export interface LabClientOptions {
  /** The lab gateway's base URL, e.g. https://qis.example.gov.cn/api/lab-gateway */
  baseUrl: string;
  /** The lab's bearer token, or a function returning a fresh one (client-credentials grant). */
  token: string | (() => string | Promise<string>);
  /** How many times a call answered 429 or 503, or that could not reach the service, is retried (3). */
  retries?: number;
  /** The first backoff in ms, doubled each retry, with jitter (500). `Retry-After` wins when sent. */
  backoffMs?: number;
  fetch?: typeof fetch;
}

/** A refusal of the lab gateway, with its error body (`errors` names each field and reason). */
export class LabApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorResponse | undefined,
    operation: string,
  ) {
    super(`${operation}: ${status} ${body?.message ?? ''}`.trim());
    this.name = 'LabApiError';
  }
}

const RETRIED = new Set([429, 503]);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `Retry-After` in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
const retryAfter = (response: Response): number | undefined => {
  const value = response.headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
};

/**
 * A fetch that retries 429, 503 and unreachable attempts with exponential backoff. The request is
 * re-sent as it was, Idempotency-Key included, so a POST whose first answer was lost is applied once
 * (the gateway answers a retry with the stored answer).
 */
function retryingFetch(base: typeof fetch, retries: number, backoffMs: number): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await base(request.clone());
        if (!RETRIED.has(response.status) || attempt >= retries) return response;
        await sleep(retryAfter(response) ?? backoffMs * 2 ** attempt * (0.5 + Math.random() / 2));
      } catch (error) {
        if (attempt >= retries) throw error;
        await sleep(backoffMs * 2 ** attempt * (0.5 + Math.random() / 2));
      }
    }
  };
}

/**
 * The lab gateway's `/v1` API for a lab: its assignments, accept, decline, progress and reports.
 * Every POST carries an Idempotency-Key, one per call, kept across that call's retries.
 */
export function createLabClient(options: LabClientOptions) {
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/$/, ''),
    fetch: retryingFetch(options.fetch ?? globalThis.fetch, options.retries ?? 3, options.backoffMs ?? 500),
  });
  client.use(auth);

  const unwrap = <T>(operation: string, result: { data?: T; error?: unknown; response: Response }): T => {
    if (result.data !== undefined && result.response.ok) return result.data;
    throw new LabApiError(result.response.status, result.error as ErrorResponse | undefined, operation);
  };
  const key = (given?: string) => ({ 'Idempotency-Key': given ?? randomUUID() });

  return {
    /** One page of my assignments, newest first (`status` to filter). */
    async listAssignments(query: { status?: AssignmentStatus; page?: number; pageSize?: number } = {}) {
      return unwrap('listAssignments', await client.GET('/v1/assignments', { params: { query } }));
    },

    /** Every assignment matching `status`, page after page. */
    async *allAssignments(
      query: { status?: AssignmentStatus; pageSize?: number } = {},
    ): AsyncGenerator<Assignment> {
      for (let page = 1; ; page++) {
        const result = await this.listAssignments({ ...query, page });
        yield* result.items;
        if (page * result.pageSize >= result.total || result.items.length === 0) return;
      }
    },

    async getAssignment(id: string) {
      return unwrap('getAssignment', await client.GET('/v1/assignments/{id}', { params: { path: { id } } }));
    },

    async accept(id: string, options: { idempotencyKey?: string } = {}) {
      return unwrap(
        'acceptAssignment',
        await client.POST('/v1/assignments/{id}/accept', {
          params: { path: { id }, header: key(options.idempotencyKey) },
        }),
      );
    },

    async decline(id: string, reason: string, options: { idempotencyKey?: string } = {}) {
      return unwrap(
        'declineAssignment',
        await client.POST('/v1/assignments/{id}/decline', {
          params: { path: { id }, header: key(options.idempotencyKey) },
          body: { reason },
        }),
      );
    },

    async reportProgress(id: string, update: ProgressUpdate, options: { idempotencyKey?: string } = {}) {
      return unwrap(
        'reportProgress',
        await client.POST('/v1/assignments/{id}/progress', {
          params: { path: { id }, header: key(options.idempotencyKey) },
          body: update,
        }),
      );
    },

    /** The report with one result per test item; an amendment names `amendsReportNumber`. */
    async submitReport(id: string, report: ReportSubmission, options: { idempotencyKey?: string } = {}) {
      return unwrap(
        'submitReport',
        await client.POST('/v1/assignments/{id}/reports', {
          params: { path: { id }, header: key(options.idempotencyKey) },
          body: report,
        }),
      );
    },
  };
}

export type LabClient = ReturnType<typeof createLabClient>;
