import { randomUUID } from 'node:crypto';
import { isPublicPolicy, SCOPE_CLAIM, SCOPE_ROLE, type RouteInfo, type Scope } from '@qis/auth';
import type { ServiceConfig } from '@qis/config';
import type { TestService } from './test-service';

/** How one scoped route is called on a real record of the fixture's own scope. */
export interface ScopedCall {
  /** The record's path parameters by name (`{ id }`, `{ batchNumber }`). */
  params?: Record<string, string>;
  /** Query string of both calls (`{ batchNumber }` to list one batch's alerts). */
  query?: Record<string, string>;
  /** A body the route accepts, for routes that change things: a refusal must not hide behind a 400. */
  body?: unknown;
  /**
   * What a caller of another scope gets: `hidden` (404 as for a missing id, no data; the default
   * for a route with a path parameter) or `left-out` (answered without any of the record's values;
   * the default for lists, and for a file that gathers records of many scopes such as a credit file).
   */
  foreign?: 'hidden' | 'left-out';
  /** The status the record's own scope gets (default 200; a GET's answer must hold one of `values`). */
  ownStatus?: number;
  /** The record's values a foreign answer must not hold (default: the fixture's `values`). */
  values?: readonly string[];
  /**
   * The scope of a route whose policy names none but whose query narrows the scope's role all the
   * same (evidence reads an officer's jurisdiction from the batch): checked like a declared one.
   */
  scope?: Scope;
}

/** Real records of one scope, created through the service's API or events, and a scope foreign to them. */
export interface ForeignScopeFixture {
  /** The scope value the records belong to (lab A's id, district 330110), per scope the service uses. */
  own: Partial<Record<Scope, string>>;
  /** Another scope's value (lab B's id, district 330108): it must see nothing of the records. */
  foreign: Partial<Record<Scope, string | readonly string[]>>;
  /** Values of the records (ids, numbers, names) that no foreign answer may contain. */
  values: readonly string[];
  /** One call per scoped route, by `METHOD /path` as `listRoutes` spells it. Own calls run in this order. */
  routes: Record<string, ScopedCall>;
  /** Releases what the setup holds (Kafka clients). */
  close?: () => Promise<void>;
}

/** Creates the real records once the service runs. */
export type ForeignScopeSetup<C extends ServiceConfig> = (
  service: TestService<C>,
) => Promise<ForeignScopeFixture>;

export const routeLabel = (r: RouteInfo): string => `${r.method} ${r.path}`;

/** The routes whose policy narrows a role by a scope. */
export const scopedRoutes = (routes: readonly RouteInfo[]): Array<RouteInfo & { scope: Scope }> =>
  routes.flatMap((r) =>
    r.policy && !isPublicPolicy(r.policy) && r.policy.scope ? [{ ...r, scope: r.policy.scope }] : [],
  );

/** Scoped routes the fixture gives no record for (or no scope values for): each must fail the matrix. */
export function routesWithoutRecord(
  routes: readonly RouteInfo[],
  fixture: ForeignScopeFixture | undefined,
): string[] {
  return scopedRoutes(routes)
    .filter(
      (r) =>
        !fixture?.routes[routeLabel(r)] ||
        !fixture.own[r.scope] ||
        ([] as string[]).concat(fixture.foreign[r.scope] ?? []).length === 0,
    )
    .map(routeLabel);
}

/** The keys a refusal may carry: nothing of the record. */
const ERROR_KEYS = ['code', 'error', 'message', 'requestId', 'statusCode'];

export interface ScopeCell {
  route: string;
  caller: string;
  scope: Scope;
  expected: 'hidden' | 'left-out' | 'own record';
  status: number;
  ok: boolean;
  /** Why the cell is wrong. */
  detail?: string;
}

export const FOREIGN_CALLER = 'foreign scope';
export const OWN_CALLER = 'own scope';

interface Answer {
  status: number;
  text: string;
  /** A PDF or other binary: data of the record however it is spelled. */
  binary: boolean;
}

/**
 * Calls every scoped route on its real record: first as the scope's role with the foreign scope
 * value (404 with no data, or a list without the record), then with the record's own scope value
 * (the record is real and the call valid: the own status, and a GET shows the record).
 */
export async function runForeignScope<C extends ServiceConfig>(
  service: TestService<C>,
  routes: readonly RouteInfo[],
  fixture: ForeignScopeFixture | undefined,
): Promise<ScopeCell[]> {
  const cells: ScopeCell[] = [];
  const declared = new Set(scopedRoutes(routes).map(routeLabel));
  const scoped = [
    ...scopedRoutes(routes),
    ...routes.flatMap((r) => {
      const scope = fixture?.routes[routeLabel(r)]?.scope;
      return scope && !declared.has(routeLabel(r)) ? [{ ...r, scope }] : [];
    }),
  ];
  const missing = new Set(routesWithoutRecord(routes, fixture));
  // Own calls may change a record, so they run in the fixture's order; foreign calls first of all.
  const order = fixture ? Object.keys(fixture.routes) : [];
  const ordered = [...scoped].sort((a, b) => order.indexOf(routeLabel(a)) - order.indexOf(routeLabel(b)));
  const call = async (route: RouteInfo, scope: Scope, value: string, how: ScopedCall): Promise<Answer> => {
    const params = how.params ?? {};
    const pathname = route.path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
      const given = params[name];
      if (given === undefined) throw new Error(`${routeLabel(route)}: no value for path parameter ${name}`);
      return encodeURIComponent(given);
    });
    const query = how.query ? `?${new URLSearchParams(how.query).toString()}` : '';
    const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(route.method);
    const res = await fetch(`${service.url}${pathname}${query}`, {
      method: route.method,
      headers: {
        ...(await service.auth({
          roles: [SCOPE_ROLE[scope]],
          [SCOPE_CLAIM[scope]]: value,
          sub: `${SCOPE_ROLE[scope]}-${value}`.slice(0, 60),
        })),
        ...(hasBody ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
      },
      body: hasBody ? JSON.stringify(how.body ?? {}) : undefined,
    });
    const bytes = Buffer.from(await res.arrayBuffer());
    const type = res.headers.get('content-type') ?? '';
    const binary = bytes.length > 0 && !/json|text|csv/.test(type);
    return { status: res.status, text: binary ? `<${type}>` : bytes.toString('utf8'), binary };
  };

  for (const route of ordered) {
    const label = routeLabel(route);
    if (missing.has(label)) {
      cells.push({
        route: label,
        caller: FOREIGN_CALLER,
        scope: route.scope,
        expected: 'hidden',
        status: 0,
        ok: false,
        detail:
          'the access test gives no real record (params, body, own and foreign scope) for this scoped route',
      });
      continue;
    }
    const how = fixture!.routes[label];
    const expected = how.foreign ?? (/:[A-Za-z]/.test(route.path) ? 'hidden' : 'left-out');
    const values = how.values ?? fixture!.values;
    for (const value of ([] as string[]).concat(fixture!.foreign[route.scope]!)) {
      const foreign = await call(route, route.scope, value, how);
      const leaked = leakedValues(foreign.text, values, Object.values(how.params ?? {}));
      let detail: string | undefined;
      if (expected === 'hidden') {
        const keys = parsedKeys(foreign.text);
        if (foreign.status !== 404)
          detail = `answered ${foreign.status}, not 404: ${foreign.text.slice(0, 300)}`;
        else if (!keys || keys.join() !== ERROR_KEYS.join())
          detail = `the 404 carries more than ${ERROR_KEYS.join(', ')}: ${foreign.text.slice(0, 300)}`;
        else if (leaked.length > 0) detail = `the 404 names the record's ${leaked.join(', ')}`;
      } else if (foreign.status < 200 || foreign.status >= 300) {
        detail = `answered ${foreign.status}, not a list: ${foreign.text.slice(0, 300)}`;
      } else if (foreign.binary) detail = `answered with a document (${foreign.text}), not a list`;
      else if (leaked.length > 0) detail = `the answer holds the record's ${leaked.join(', ')}`;
      cells.push({
        route: label,
        caller: FOREIGN_CALLER,
        scope: route.scope,
        expected,
        status: foreign.status,
        ok: !detail,
        detail: detail && `as ${value}: ${detail}`,
      });
    }
  }
  for (const route of ordered) {
    const label = routeLabel(route);
    if (missing.has(label)) continue;
    const how = fixture!.routes[label];
    const own = await call(route, route.scope, fixture!.own[route.scope]!, how);
    const status = how.ownStatus ?? 200;
    const values = how.values ?? fixture!.values;
    let detail: string | undefined;
    if (own.status !== status) detail = `answered ${own.status}, not ${status}: ${own.text.slice(0, 300)}`;
    else if (route.method === 'GET' && !own.binary && !values.some((v) => own.text.includes(v)))
      detail = `the answer shows none of the record's values: ${own.text.slice(0, 300)}`;
    cells.push({
      route: label,
      caller: OWN_CALLER,
      scope: route.scope,
      expected: 'own record',
      status: own.status,
      ok: !detail,
      detail,
    });
  }
  return cells;
}

/** The record's values in an answer, but for those the caller itself put in the path. */
function leakedValues(text: string, values: readonly string[], given: readonly string[]): string[] {
  let rest = text;
  // Only the given value itself, not a longer one holding it (a batch's sample code HZ…-S).
  for (const g of given) rest = rest.replace(new RegExp(`(?<![\\w-])${escapeRegExp(g)}(?![\\w-])`, 'g'), '');
  return values.filter((v) => v.length > 0 && !given.includes(v) && rest.includes(v));
}

function parsedKeys(text: string): string[] | null {
  try {
    const body: unknown = JSON.parse(text);
    return body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body).sort() : null;
  } catch {
    return null;
  }
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
