import type { Role } from '@qis/auth';

/** Who calls: the bearer token's `sub`, `roles` and scope claims. */
export interface Claims {
  sub: string;
  roles: Role[];
  /** Lab API calls: the lab's registry id (a UUID from `POST /labs`). */
  labId?: string;
  platformId?: string;
  /** Enforcement officers: the GB/T 2260 code their cases are scoped to. */
  jurisdiction?: string;
}

/** Mints a bearer token (the JWT itself, without `Bearer `) for the given claims. */
export type TokenSource = (claims: Claims) => Promise<string>;

/** A refused or failed call: status, the JSON answer (`{ statusCode, error, message, errors? }`). */
export class ApiError extends Error {
  constructor(
    readonly method: string,
    readonly url: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${method} ${url} answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.name = 'ApiError';
  }

  /** The `errors: [{ field, reasons }]` of a 400/422, when the service gave them. */
  get errors(): Array<{ field: string; reasons: string[] }> {
    const errors = (this.body as { errors?: unknown } | null)?.errors;
    return Array.isArray(errors) ? (errors as Array<{ field: string; reasons: string[] }>) : [];
  }
}

export interface RequestOptions {
  /** JSON body (sets content-type). */
  json?: unknown;
  /** Raw body with its content type (e.g. a CSV import). */
  raw?: { body: string | Buffer; contentType: string };
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** One service's HTTP API as a client: base URL (no trailing slash) and where tokens come from. */
export class ServiceApi {
  readonly baseUrl: string;

  constructor(
    baseUrl: string,
    protected readonly tokens: TokenSource,
  ) {
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  /** Any call; answers whatever the service said (no throw on 4xx/5xx). */
  async request<T = unknown>(
    as: Claims | null,
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    if (as) headers['authorization'] = `Bearer ${await this.tokens(as)}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined;
    if (options.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.json);
    } else if (options.raw) {
      headers['content-type'] = options.raw.contentType;
      const raw = options.raw.body;
      body = typeof raw === 'string' ? raw : asBody(raw);
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    const type = res.headers.get('content-type') ?? '';
    let parsed: unknown = text;
    if (text !== '' && type.includes('json')) parsed = JSON.parse(text);
    else if (text === '') parsed = null;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** A call that must succeed (2xx): its JSON answer, else an `ApiError`. */
  async call<T = unknown>(
    as: Claims | null,
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const res = await this.request<T>(as, method, path, options);
    if (res.status < 200 || res.status >= 300)
      throw new ApiError(method, `${this.baseUrl}${path}`, res.status, res.body);
    return res.body;
  }

  /** Raw bytes of a GET (PDFs, labels). */
  async bytes(as: Claims, path: string): Promise<{ contentType: string; data: Buffer }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${await this.tokens(as)}` },
    });
    const data = Buffer.from(await res.arrayBuffer());
    if (!res.ok) throw new ApiError('GET', `${this.baseUrl}${path}`, res.status, data.toString('utf8'));
    return { contentType: res.headers.get('content-type') ?? '', data };
  }
}

/** A Buffer as a fetch body (Node's Buffers sit on plain ArrayBuffers, never shared ones). */
export const asBody = (data: Buffer): Uint8Array<ArrayBuffer> => data as Uint8Array<ArrayBuffer>;

/** Path segments are ids and batch numbers; encode them anyway. */
export const seg = (value: string): string => encodeURIComponent(value);

/** `?a=1&b=2` from the defined entries, or ''. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.append(k, String(v));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
