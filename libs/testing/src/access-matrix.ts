import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  isPublicPolicy,
  listRoutes,
  ROLES,
  SCOPE_ROLE,
  type RouteInfo,
  type RoutePolicy,
  type Scope,
} from '@qis/auth';
import type { ServiceConfig } from '@qis/config';
import type { ServiceDefinition } from '@qis/runtime';
import {
  FOREIGN_CALLER,
  OWN_CALLER,
  routeLabel,
  routesWithoutRecord,
  runForeignScope,
  type ForeignScopeFixture,
  type ForeignScopeSetup,
  type ScopeCell,
} from './foreign-scope';
import { repoRoot } from './infra-env';
import { TestIssuer, type TestClaims } from './test-issuer';
import { startTestService, type TestService } from './test-service';

/** What a policy promises a caller: refused as unknown (401), refused as not allowed (403), or let through. */
export type Expected = 'unauthenticated' | 'forbidden' | 'allowed';

/** One kind of caller the matrix tries on every route. */
export interface Caller {
  name: string;
  /** Headers to send, or none. */
  headers(issuer: TestIssuer, foreign: TestIssuer): Promise<Record<string, string>>;
  expect(policy: RoutePolicy): Expected;
}

/** Scope claims a well-scoped token of each scoped role carries. */
const OWN_SCOPE = { labId: 'L001', platformId: 'P001', jurisdiction: '330102' };

const roleCaller = (role: (typeof ROLES)[number]): Caller => ({
  name: role,
  headers: (issuer) =>
    issuer.headers({
      roles: [role],
      ...(role === 'lab' ? { labId: OWN_SCOPE.labId } : {}),
      ...(role === 'platform' ? { platformId: OWN_SCOPE.platformId } : {}),
      ...(role === 'enforcement-officer' ? { jurisdiction: OWN_SCOPE.jurisdiction } : {}),
    }),
  expect: (policy) => (isPublicPolicy(policy) || policy.roles.includes(role) ? 'allowed' : 'forbidden'),
});

const refused =
  (why: Expected) =>
  (policy: RoutePolicy): Expected =>
    isPublicPolicy(policy) ? 'allowed' : why;

const everyRole = (): TestClaims => ({ roles: [...ROLES], ...OWN_SCOPE });

/** The callers: nobody, broken tokens (all roles, so only the token is wrong), no role, each role. */
export const MATRIX_CALLERS: readonly Caller[] = [
  { name: 'no token', headers: async () => ({}), expect: refused('unauthenticated') },
  {
    name: 'malformed token',
    headers: async () => ({ authorization: 'Bearer not.a-token.at-all' }),
    expect: refused('unauthenticated'),
  },
  {
    name: 'expired token',
    headers: (issuer) => issuer.headers({ ...everyRole(), ttlSeconds: -120 }),
    expect: refused('unauthenticated'),
  },
  {
    name: 'untrusted signer',
    headers: (_issuer, foreign) => foreign.headers(everyRole()),
    expect: refused('unauthenticated'),
  },
  { name: 'no role', headers: (issuer) => issuer.headers({ roles: [] }), expect: refused('forbidden') },
  ...ROLES.map(roleCaller),
];

/** For a scoped route: its scope's role, with claims of every other scope but not its own. */
export function wrongScopeCaller(scope: Scope): Caller {
  const claims: Record<Scope, Partial<TestClaims>> = {
    lab: { platformId: OWN_SCOPE.platformId, jurisdiction: OWN_SCOPE.jurisdiction },
    platform: { labId: OWN_SCOPE.labId, jurisdiction: OWN_SCOPE.jurisdiction },
    jurisdiction: { labId: OWN_SCOPE.labId, platformId: OWN_SCOPE.platformId },
  };
  return {
    name: `${SCOPE_ROLE[scope]} without ${scope} scope`,
    headers: (issuer) => issuer.headers({ roles: [SCOPE_ROLE[scope]], ...claims[scope] }),
    expect: () => 'forbidden',
  };
}

export const statusMeets = (expected: Expected, status: number): boolean =>
  expected === 'unauthenticated'
    ? status === 401
    : expected === 'forbidden'
      ? status === 403
      : status !== 401 && status !== 403 && status !== 500;

export interface MatrixCell {
  route: string;
  caller: string;
  expected: Expected;
  status: number;
  ok: boolean;
}

/** Calls every route with every caller (and a wrong scope where the route has one). */
export async function runAccessMatrix<C extends ServiceConfig>(
  service: TestService<C>,
  routes: readonly RouteInfo[],
): Promise<MatrixCell[]> {
  const foreign = TestIssuer.create(service.issuer.issuer, service.issuer.audience);
  const cells: MatrixCell[] = [];
  for (const route of routes) {
    const policy = route.policy;
    if (!policy) continue;
    const callers = [...MATRIX_CALLERS];
    if (!isPublicPolicy(policy) && policy.scope) callers.push(wrongScopeCaller(policy.scope));
    // Parameters get ids nobody has: the guard decides before any lookup.
    const url = service.url + route.path.replace(/:[A-Za-z0-9_]+/g, () => randomUUID());
    for (const caller of callers) {
      const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(route.method);
      const res = await fetch(url, {
        method: route.method,
        headers: {
          ...(await caller.headers(service.issuer, foreign)),
          ...(hasBody ? { 'content-type': 'application/json' } : {}),
        },
        body: hasBody ? '{}' : undefined,
      });
      const expected = caller.expect(policy);
      let ok = statusMeets(expected, res.status);
      if (ok && expected !== 'allowed') {
        // Refusals carry the common error body.
        const body = (await res.json()) as Record<string, unknown>;
        ok = body['statusCode'] === res.status && typeof body['message'] === 'string' && 'requestId' in body;
      } else {
        await res.arrayBuffer();
      }
      cells.push({ route: routeLabel(route), caller: caller.name, expected, status: res.status, ok });
    }
  }
  return cells;
}

/** A markdown table: routes × callers, each cell the status (✗ where the policy was not kept). */
export function matrixSummary(
  service: string,
  routes: readonly RouteInfo[],
  cells: readonly MatrixCell[],
  scopeCells: readonly ScopeCell[] = [],
): string {
  const callers = [...new Set(cells.map((c) => c.caller))];
  const scopeCallers = scopeCells.length > 0 ? [FOREIGN_CALLER, OWN_CALLER] : [];
  const foreignChecks = scopeCells.filter((c) => c.caller === FOREIGN_CALLER).length;
  const describePolicy = (p?: RoutePolicy): string =>
    !p
      ? 'NONE'
      : isPublicPolicy(p)
        ? 'public'
        : `${p.roles.join(', ')}${p.scope ? ` (scope: ${p.scope})` : ''}`;
  const scoped = cells.length - routes.length * MATRIX_CALLERS.length;
  const all = [...cells, ...scopeCells];
  const wrongScope = scopeCells.filter((c) => !c.ok);
  const lines = [
    `## ${service}: ${routes.length} routes × ${MATRIX_CALLERS.length} callers` +
      `${scoped > 0 ? ` + ${scoped} wrong-scope calls` : ''}` +
      `${foreignChecks > 0 ? ` + ${foreignChecks} foreign-scope and ${scopeCells.length - foreignChecks} own-scope calls on real records` : ''}` +
      ` = ${all.length} checks, ${all.filter((c) => !c.ok).length} wrong`,
    '',
    `| route | policy | ${[...callers, ...scopeCallers].join(' | ')} |`,
    `|---|---|${[...callers, ...scopeCallers].map(() => '---').join('|')}|`,
    ...routes.map((r) => {
      // Several foreign values (a district, another province) give several statuses in one cell.
      const row = [...callers, ...scopeCallers].map((name) =>
        all
          .filter((c) => c.route === routeLabel(r) && c.caller === name)
          .map((cell) => `${cell.status}${cell.ok ? '' : ' ✗'}`)
          .join(' / '),
      );
      // A scope read in the query though the policy names none (evidence's officer reads).
      const inQuery = scopeCells.find(
        (c) => c.route === routeLabel(r) && r.policy && !isPublicPolicy(r.policy) && !r.policy.scope,
      );
      return `| ${routeLabel(r)} | ${describePolicy(r.policy)}${inQuery ? ` (scope in query: ${inQuery.scope})` : ''} | ${row.join(' | ')} |`;
    }),
    ...(wrongScope.length > 0
      ? [
          '',
          '### wrong on real records',
          '',
          ...wrongScope.map((c) => `- ${c.route} (${c.caller}): ${c.detail}`),
        ]
      : []),
  ];
  return lines.join('\n');
}

export interface AccessMatrixOptions<C extends ServiceConfig> {
  /** Extra environment of the service under test, or what makes it (a bucket of its own). */
  env?: Record<string, string> | (() => Promise<Record<string, string>>);
  /** Real records of one scope for every scoped route (required when the service has one). */
  foreignScope?: ForeignScopeSetup<C>;
  /** Time the setup may take (events crossing Kafka, legal clocks run out). */
  setupTimeoutMs?: number;
}

/**
 * The authorization matrix of a service, generated from its route metadata: boots it, lists
 * every route with its policy, calls each with no token, broken tokens, each role and a wrong
 * scope, and checks 401 / 403 / let through as the policy says. Then every scoped route is called
 * on a real record of one scope (from `options.foreignScope`) by its scope's role of another scope
 * (404 with no data, or a list without the record) and of the record's own (the record shown); a
 * scoped route without a record fails the matrix. The summary is printed and kept in
 * test-artifacts/access-matrix/<service>.md.
 */
export function describeAccessMatrix<C extends ServiceConfig>(
  def: ServiceDefinition<C>,
  options: AccessMatrixOptions<C> = {},
): void {
  describe(`${def.name} authorization matrix`, () => {
    let service: TestService<C>;
    let routes: RouteInfo[];
    let fixture: ForeignScopeFixture | undefined;

    beforeAll(async () => {
      service = await startTestService(
        def,
        typeof options.env === 'function' ? await options.env() : options.env,
      );
      routes = listRoutes(service.app);
      fixture = await options.foreignScope?.(service);
    }, options.setupTimeoutMs ?? 60_000);
    afterAll(async () => {
      await service?.stop();
      await fixture?.close?.();
    });

    it('declares a policy on every route', () => {
      expect(routes.length).toBeGreaterThan(0);
      expect(routes.filter((r) => !r.policy).map(routeLabel)).toEqual([]);
    });

    it('gives every scoped route a real record of one scope', () => {
      expect(routesWithoutRecord(routes, fixture)).toEqual([]);
    });

    it('answers every route as its policy says, for every caller, and a foreign scope nothing of a real record', async () => {
      const cells = await runAccessMatrix(service, routes);
      const scopeCells = await runForeignScope(service, routes, fixture);
      const summary = matrixSummary(def.name, routes, cells, scopeCells);
      const dir = path.join(repoRoot(), 'test-artifacts/access-matrix');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${def.name}.md`), `${summary}\n`);
      process.stdout.write(`${summary}\n`);
      expect(cells.filter((c) => !c.ok)).toEqual([]);
      expect(scopeCells.filter((c) => !c.ok)).toEqual([]);
      expect(cells.length).toBeGreaterThanOrEqual(routes.length * MATRIX_CALLERS.length);
    });
  });
}
