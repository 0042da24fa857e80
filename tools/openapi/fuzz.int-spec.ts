import { execFile, execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OrderPlaced, type OrderPlacedValue } from '@qis/contracts';
import { kafkaConnection } from '@qis/messaging';
import {
  expectEventually,
  repoRoot,
  sendEvents,
  startServiceStack,
  TestIssuer,
  type ServiceStack,
  type StageService,
  type TestClaims,
} from '@qis/testing';
import { Kafka, logLevel } from 'kafkajs';
import { validationMismatches } from './fuzz-report';

/**
 * Property-based fuzzing of every service as an integrator would meet it (schemathesis, from PyPI):
 * requests generated from each OpenAPI document — its examples, every boundary of every documented
 * constraint, then random valid and invalid input, then sequences that follow the documents' links
 * (create a plan, then submit and approve it; register a buyer, then add an account) — sent with a
 * token of each role that works there, with a real scope value. Every answer must be no 5xx, a documented status and in its
 * documented schema; and no operation may newly refuse most of what its document calls valid (the
 * "schema validation mismatch" warning): the ones that still do are listed, each with why, in
 * known-validation-mismatches.json, and that list only shrinks. The seed is printed and kept with the report (test-artifacts/fuzz/), so a
 * failure reproduces: FUZZ_SEED=<seed> npm run fuzz (FUZZ_MAX_EXAMPLES for a longer run). It runs in
 * npm test with a fixed seed; npm run fuzz draws a new seed each time.
 */
// npm test fuzzes with a fixed seed, so CI is reproducible; npm run fuzz draws a new one each run
// (FUZZ_SEED=random), and FUZZ_SEED=<n> replays one.
const CI_SEED = 784796085;
const SEED =
  process.env['FUZZ_SEED'] === 'random' ? randomInt(1, 2 ** 31) : Number(process.env['FUZZ_SEED'] ?? CI_SEED);
const MAX_EXAMPLES = process.env['FUZZ_MAX_EXAMPLES'] ?? '10';

/**
 * Operations that still refuse most generated data their document calls valid, each with the rule
 * the document cannot state (a reference to a record the fuzzer cannot know, a rule across items).
 */
const KNOWN_MISMATCHES = JSON.parse(
  readFileSync(join(__dirname, 'known-validation-mismatches.json'), 'utf8'),
) as Record<StageService, Record<string, string>>;

const ROLES: Record<StageService, TestClaims[]> = {
  planning: [{ roles: ['admin'] }, { roles: ['planner'] }],
  purchasing: [{ roles: ['admin'] }, { roles: ['purchasing-admin'] }, { roles: ['buyer'] }],
  evidence: [{ roles: ['admin'] }, { roles: ['intake-officer'] }, { roles: ['lab'], labId: 'LAB-FUZZ' }],
  'lab-gateway': [{ roles: ['admin'] }, { roles: ['lab'], labId: 'LAB-FUZZ' }],
  enforcement: [
    { roles: ['admin'] },
    { roles: ['enforcement-officer'], jurisdiction: '330108' },
    { roles: ['approver'] },
  ],
  disclosure: [
    { roles: ['admin'] },
    { roles: ['platform'], platformId: 'taobao' },
    { roles: ['enforcement-officer'], jurisdiction: '330100' },
  ],
};

/** FUZZ_SERVICES=planning,disclosure limits a run to those services. */
const only = process.env['FUZZ_SERVICES']?.split(',').filter(Boolean);

const runs = Object.entries(ROLES)
  .filter(([service]) => !only || only.includes(service))
  .flatMap(([service, claims]) =>
    claims.map((claim) => [service as StageService, claim.roles.join('+'), claim] as const),
  );

/**
 * Records an operation needs that no document lets the fuzzer make, made the way the system makes
 * them (the hooks read them from FUZZ_FIXTURES): orders placed by purchasing (an event), and at
 * evidence's intake one parcel admitted against an order and quarantined parcels that matched none,
 * which release takes into the orders' batches and an unpacking session opens, with the buyer's
 * purchase evidence and the unpacking's video, waybill and sample photo.
 */
async function evidenceFixtures(url: string): Promise<Record<string, string[]>> {
  const tag = randomInt(100_000, 999_999);
  const orders: OrderPlacedValue[] = [0, 1, 2, 3, 4, 5].map((i) => ({
    batchNumber: `FZ2026-${String(tag).slice(0, 5)}${i}`,
    orderNumber: `FZ${tag}${i}`,
    orderedAt: '2026-03-02T06:12:45.000Z',
    platform: {
      code: 'jd',
      name: '京东',
      url: 'https://www.jd.com',
      operatorName: '北京京东叁佰陆拾度电子商务有限公司',
    },
    listing: {
      platformListingId: `FZ${tag}${i}`,
      url: 'https://item.jd.com/1002003.html',
      title: '智能马桶盖',
    },
    seller: {
      name: '杭州洁净卫浴有限公司',
      entityType: 'natural-person',
      shopName: '洁净卫浴',
      shopUrl: 'https://mall.jd.com/index-1002.html',
    },
    quantity: { testUnits: 2, backupUnits: 1 },
    unitPriceFen: 129900,
    shippingFeeFen: 0,
    totalPaidFen: 389700,
    carrier: '顺丰速运',
    trackingNumber: `SF${tag}${i}FZ`,
    shippedAt: '2026-03-03T02:00:00.000Z',
    evidencePackageId: '9d1e6f0a-2b3c-4d5e-8f90-a1b2c3d4e5f7',
  }));
  const producer = new Kafka({
    clientId: 'fuzz-fixtures',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  }).producer();
  await producer.connect();
  try {
    await sendEvents(
      producer,
      OrderPlaced,
      orders.map((value) => ({ key: value.batchNumber, value })),
      'purchasing',
    );
  } finally {
    await producer.disconnect();
  }
  const officer = await TestIssuer.shared().headers({ sub: 'fuzz-fixtures', roles: ['intake-officer'] });
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { ...officer, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return (await res.json()) as Record<string, unknown>;
  };
  await expectEventually(
    async () => {
      const expected = await call('GET', '/intake/expected-parcels?pageSize=100');
      const batches = (expected['items'] as Array<{ batchNumber: string }>).map((i) => i.batchNumber);
      expect(batches).toEqual(expect.arrayContaining(orders.map((o) => o.batchNumber)));
    },
    { timeoutMs: 60_000 },
  );
  /** A small file uploaded whole (one PUT) and finalized: its evidence object id. */
  const upload = async (headers: Record<string, string>, kind: string, contentType: string) => {
    const bytes = randomBytes(500);
    const announced = await fetch(`${url}/evidence/uploads`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        kind,
        batchNumber: orders[0]!.batchNumber,
        contentType,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        parts: [],
      }),
    });
    const ticket = (await announced.json()) as {
      objectId: string;
      url: string;
      headers?: Record<string, string>;
    };
    expect((await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: bytes })).status).toBe(
      200,
    );
    const finalized = await fetch(`${url}/evidence/uploads/${ticket.objectId}/finalize`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(finalized.status).toBe(200);
    return ticket.objectId;
  };
  // The buyer's purchase evidence for the first order (an unpacking session names the buyer by
  // it) the recording of its unpacking, its waybill and a photo of the sample.
  const buyer = await TestIssuer.shared().headers({ sub: 'fuzz-fixtures-buyer', roles: ['buyer'] });
  await upload(buyer, 'listing-snapshot', 'image/png');
  const unboxingVideos = [await upload(officer, 'unboxing-video', 'video/mp4')];
  const waybillPhotos = [await upload(officer, 'waybill-photo', 'image/jpeg')];
  const samplePhotos = [await upload(officer, 'sample-photo', 'image/jpeg')];
  const parcel = async (trackingNumber: string) =>
    String((await call('POST', '/intake/parcels', { trackingNumber, condition: 'intact' }))['id']);
  // The first order's parcel arrives as ordered; five parcels come with numbers no order has, and
  // are released into the other five orders' batches.
  return {
    admittedParcels: [await parcel(orders[0]!.trackingNumber)],
    unboxingVideos,
    waybillPhotos,
    samplePhotos,
    quarantinedParcels: await Promise.all([1, 2, 3, 4, 5].map((i) => parcel(`YT${tag}${i}STRAY`))),
    releaseBatches: orders.slice(1).map((o) => o.batchNumber),
  };
}

describe(`fuzzing every service (schemathesis, seed ${SEED})`, () => {
  let stack: ServiceStack;
  let st: string;
  let fixtures: Record<string, string[]> = {};
  const reports = join(repoRoot(), 'test-artifacts', 'fuzz');

  beforeAll(async () => {
    console.log(`fuzz: seed ${SEED} (FUZZ_SEED=${SEED} reproduces this run)`);
    st = execFileSync('bash', [join(repoRoot(), 'tools/openapi/schemathesis.sh')], {
      encoding: 'utf8',
    }).trim();
    mkdirSync(reports, { recursive: true });
    stack = await startServiceStack({ all: { LOG_LEVEL: 'error' } }, 'fuzz');
    if (runs.some(([service]) => service === 'evidence'))
      fixtures = { ...fixtures, ...(await evidenceFixtures(stack.url.evidence)) };
  }, 300_000);

  afterAll(async () => {
    await stack?.stop();
  });

  it.each(runs)(
    '%s as %s: no 5xx, every status and body as documented',
    async (service, role, claims) => {
      const auth = await TestIssuer.shared().headers({ sub: `fuzz-${role}`, ...claims });
      const args = [
        'run',
        `${stack.url[service]}/docs-json`,
        '--header',
        `Authorization: ${auth['authorization']}`,
        '--phases',
        'examples,coverage,fuzzing,stateful',
        '--checks',
        // FUZZ_CHECKS names others, e.g. negative_data_rejection (invalid input must be refused):
        // not in npm test, as it counts a 413 for an oversized body and "null" as a query string
        // value as accepted invalid data.
        process.env['FUZZ_CHECKS'] ??
          'not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance',
        '--max-examples',
        MAX_EXAMPLES,
        '--seed',
        String(SEED),
        '--workers',
        '1',
        '--no-color',
        '--max-failures',
        '50',
        // FUZZ_CASSETTES=1 keeps every request and answer (tokens sanitized) beside the report, to
        // see what an operation refused and why.
        ...(process.env['FUZZ_CASSETTES']
          ? ['--report', 'vcr', '--report-vcr-path', join(reports, `${service}-${role}.vcr.yaml`)]
          : []),
      ];
      let output: string;
      let failed = false;
      try {
        output = (
          await promisify(execFile)(st, args, {
            encoding: 'utf8',
            maxBuffer: 64 << 20,
            timeout: 600_000,
            // Generators for the rules JSON Schema cannot state (check characters, rules across items).
            env: {
              ...process.env,
              PYTHONPATH: join(repoRoot(), 'tools/openapi'),
              SCHEMATHESIS_HOOKS: 'schemathesis_hooks',
              FUZZ_FIXTURES: JSON.stringify(fixtures),
            },
          })
        ).stdout;
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
        failed = true;
      }
      // The token is a secret of the test issuer only, but reports keep none.
      output = output.replaceAll(auth['authorization'] ?? '', 'Bearer [token]');
      writeFileSync(join(reports, `${service}-${role}.txt`), output);
      const summary = output.slice(
        output.lastIndexOf('FAILURES') === -1
          ? output.lastIndexOf('SUMMARY')
          : output.lastIndexOf('FAILURES'),
      );
      const unexplained = validationMismatches(output).filter(
        (operation) => !KNOWN_MISMATCHES[service]?.[operation],
      );
      expect({ failed, seed: SEED, summary: failed ? summary : 'ok', unexplained }).toEqual({
        failed: false,
        seed: SEED,
        summary: 'ok',
        unexplained: [],
      });
    },
    600_000,
  );
});
