import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteInfo } from '@qis/auth';
import type { ServiceConfig } from '@qis/config';
import { decodeJwt } from 'jose';
import { routesWithoutRecord, runForeignScope, type ForeignScopeFixture } from './foreign-scope';
import { TestIssuer } from './test-issuer';
import type { TestService } from './test-service';

const LAB_A = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
const LAB_B = '0a1b2c3d-4e5f-4a6b-8c7d-8e9fa0b1c2d3';
const RECORD = { id: 'b7e2c9a4-1d3f-4e5a-9b6c-7d8e9f0a1b2c', batchNumber: 'HZ2026-123456', labId: LAB_A };

const route = (method: string, path: string): RouteInfo => ({
  method,
  path,
  controller: 'AssignmentsController',
  handler: 'h',
  policy: { roles: ['lab'], scope: 'lab' },
});

const ROUTES = [route('GET', '/v1/assignments'), route('GET', '/v1/assignments/:id')];

/** How the service answers a caller of another lab: the ways a scope goes wrong. */
type Leak = 'none' | 'shows the record' | 'lists the record' | 'adds data to the 404' | 'names the record';

/** An assignments API whose scope check is broken as `leak` says. */
function leakyService(leak: () => Leak): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const token = (req.headers.authorization ?? '').replace('Bearer ', '');
    const own = decodeJwt(token)['labId'] === LAB_A;
    const send = (status: number, body: unknown): void => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    // As every service's error filter answers (with the stable code of @qis/domain).
    const missing = {
      statusCode: 404,
      code: 'not_found',
      error: 'Not Found',
      message: `assignment ${RECORD.id} not found`,
      requestId: 'r1',
    };
    if (req.url === '/v1/assignments') {
      return send(200, { items: own || leak() === 'lists the record' ? [RECORD] : [] });
    }
    if (own || leak() === 'shows the record') return send(200, RECORD);
    if (leak() === 'adds data to the 404') return send(404, { ...missing, data: { id: RECORD.id } });
    if (leak() === 'names the record')
      return send(404, { ...missing, message: `${missing.message} (batch ${RECORD.batchNumber})` });
    return send(404, missing);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

const fixture: ForeignScopeFixture = {
  own: { lab: LAB_A },
  foreign: { lab: LAB_B },
  values: [RECORD.id, RECORD.batchNumber],
  routes: { 'GET /v1/assignments': {}, 'GET /v1/assignments/:id': { params: { id: RECORD.id } } },
};

describe('foreign-scope checks of the access matrix', () => {
  let leak: Leak = 'none';
  let server: Server;
  let service: TestService<ServiceConfig>;

  beforeAll(async () => {
    const started = await leakyService(() => leak);
    server = started.server;
    const issuer = TestIssuer.create('qis-test', 'qis');
    service = { url: started.url, auth: (claims) => issuer.headers(claims) } as TestService<ServiceConfig>;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const wrong = async (): Promise<string[]> =>
    (await runForeignScope(service, ROUTES, fixture))
      .filter((c) => !c.ok)
      .map((c) => `${c.route}: ${c.detail}`);

  it('passes a service that answers another lab 404 with no data and an empty list', async () => {
    leak = 'none';
    expect(await wrong()).toEqual([]);
  });

  it.each<[Leak, RegExp]>([
    ['shows the record', /GET \/v1\/assignments\/:id: as 0a1b2c3d.*: answered 200, not 404/],
    ['lists the record', /GET \/v1\/assignments: as 0a1b2c3d.*: the answer holds the record's b7e2c9a4/],
    ['adds data to the 404', /the 404 carries more than code, error, message, requestId, statusCode/],
    ['names the record', /the 404 names the record's HZ2026-123456/],
  ])('fails a service that %s to another lab', async (how, why) => {
    leak = how;
    const found = await wrong();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(why);
  });

  it('calls with every foreign value the test gives', async () => {
    leak = 'shows the record';
    const cells = await runForeignScope(service, ROUTES, {
      ...fixture,
      foreign: { lab: [LAB_B, '5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f'] },
    });
    expect(cells.filter((c) => c.caller === 'foreign scope' && !c.ok)).toHaveLength(2);
  });

  it('checks a route scoped in its query though its policy names no scope, when the test says so', async () => {
    leak = 'shows the record';
    const unscoped = { ...route('GET', '/v1/assignments/:id'), policy: { roles: ['lab' as const] } };
    const routes = { 'GET /v1/assignments/:id': { params: { id: RECORD.id } } };
    expect(await runForeignScope(service, [unscoped], { ...fixture, routes })).toEqual([]);
    const cells = await runForeignScope(service, [unscoped], {
      ...fixture,
      routes: { 'GET /v1/assignments/:id': { ...routes['GET /v1/assignments/:id'], scope: 'lab' } },
    });
    expect(cells.filter((c) => !c.ok).map((c) => c.detail)).toEqual([expect.stringMatching(/not 404/)]);
  });

  it('names every scoped route the access test gives no record for', () => {
    expect(routesWithoutRecord([...ROUTES, route('POST', '/v1/assignments/:id/accept')], fixture)).toEqual([
      'POST /v1/assignments/:id/accept',
    ]);
    expect(routesWithoutRecord(ROUTES, undefined)).toEqual([
      'GET /v1/assignments',
      'GET /v1/assignments/:id',
    ]);
  });

  it('fails the matrix on a scoped route without a record, naming it', async () => {
    leak = 'none';
    const cells = await runForeignScope(service, ROUTES, {
      ...fixture,
      routes: { 'GET /v1/assignments': {} },
    });
    expect(cells.filter((c) => !c.ok).map((c) => c.route)).toEqual(['GET /v1/assignments/:id']);
  });
});
