/**
 * Load test of the lab gateway (issue 8): 50 simulated labs for 60 s poll their assignments,
 * accept one and submit its report, with client retries (a lost answer is retried with the same
 * Idempotency-Key). Side by side in the same run: the same 50 clients against a bare NestJS JSON
 * endpoint (one GET returning JSON, no database) started by this script on the same machine.
 * Both servers are separate processes; the lab gateway is the built service from dist on the real
 * PostgreSQL and Kafka. Prints throughput, p50/p99, errors, 5xx and duplicate reports.
 *
 * Two rows a server, after a 10 s paced warm-up that is not printed (its requests still count for
 * 5xx and duplicate reports):
 * - paced: the labs together send BENCH_RATE requests a second (default 330, above the 300 target), each on
 *   its own schedule. A lab works in order (poll, then accept, then report), so an answer that
 *   comes late delays its next request; latency is counted from when the request was due, not
 *   from when it could be sent, so a slow server cannot hide its queue (no coordinated omission).
 *   This row checks the targets: that rate sustained with p99 ≤ 100 ms.
 * - saturated: each lab sends its next request as soon as the last answer arrives, no pause: the
 *   most the server does on this machine. Latency here is mostly waiting in line (50 requests
 *   always in flight), so it shows the headroom, not the latency a lab sees at the target rate.
 *
 * Then the lab gateway again with BENCH_WORKERS worker processes behind its port (HTTP_WORKERS,
 * default 2; issue 18): a warm-up and its saturated row, printed beside the one-process row with
 * their ratio (server CPU counts the primary and its workers).
 *
 *   npm run bench -- lab-gateway
 *   (BENCH_LABS=50 BENCH_SECONDS=60 BENCH_WARMUP_SECONDS=10 BENCH_RATE=330 BENCH_SAMPLES=22000
 *    BENCH_RETRY_RATE=0.1 BENCH_TRACE_FILE=requests.csv)
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  deleteTopicsWithPrefix,
  createTestDatabase,
  freePort,
  localInfraEnv,
  pgServerFromEnv,
  spawnService,
  TestIssuer,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { postgresCpuSeconds, treeCpuSeconds } from './proc-cpu';
import { cutProfile, PROFILE_DIR, serviceNodeOptions } from './profiling';

const LABS = Number(process.env['BENCH_LABS'] ?? 50);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
/** Seconds of paced requests before a server's measured rows (counted for 5xx and duplicates only). */
const WARMUP_SECONDS = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 10);
/**
 * Requests a second the labs send together in the paced rows: 10% above the 300/s target, so the
 * random phases of the labs' schedules and the row's ragged end do not leave it just below.
 */
const RATE = Number(process.env['BENCH_RATE'] ?? 330);
/**
 * Enough that no lab runs out of work in both rows (a cycle is about 3.2 requests; an empty poll
 * is counted and printed, and the lab then waits a second as a real client would).
 */
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 22_000);
/** Share of successful POSTs whose answer the client "loses" and sends again with the same key. */
const RETRY_RATE = Number(process.env['BENCH_RETRY_RATE'] ?? 0.1);
/** Where to write every request of every row as CSV (row, due ms, latency ms, kind, status), if set. */
const TRACE_FILE = process.env['BENCH_TRACE_FILE'];
/** Worker processes of the lab gateway's second run (HTTP_WORKERS). */
const WORKERS = Number(process.env['BENCH_WORKERS'] ?? 2);
const requestKind = (url: string, init: RequestInit): string =>
  init.method === 'POST'
    ? url.endsWith('/accept')
      ? 'accept'
      : 'report'
    : url.includes('/bare')
      ? 'bare'
      : 'poll';

@Controller()
class BareController {
  @Get('bare')
  bare(): { ok: boolean; at: string } {
    return { ok: true, at: new Date().toISOString() };
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

/** `node lab-gateway.js bare-server <port>`: the baseline, a NestJS app with one JSON route. */
async function bareServer(port: number): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(port, '127.0.0.1');
  process.stdout.write('ready\n');
}

interface Stats {
  name: string;
  latencies: number[];
  /** Each request: when it was due (ms since the row began), its latency, what it was, the status. */
  trace: Array<[number, number, string, number]>;
  began: number;
  requests: number;
  errors: number;
  serverErrors: number;
  reports: number;
  retries: number;
  /** Polls that found nothing to do (the labs ran out of samples: the mix would shift to GETs). */
  emptyPolls: number;
  /** CPU seconds the server process used during the row (null where /proc is not readable). */
  serverCpu: number | null;
  /** CPU seconds every PostgreSQL process of the machine used during the row (null without /proc). */
  postgresCpu: number | null;
  /** 1-minute load average of the machine at the end of the row (shared machine: others' work shows). */
  load: number;
}

const newStats = (name: string): Stats => ({
  name,
  latencies: [],
  trace: [],
  began: performance.now(),
  requests: 0,
  errors: 0,
  serverErrors: 0,
  reports: 0,
  retries: 0,
  emptyPolls: 0,
  serverCpu: null,
  postgresCpu: null,
  load: 0,
});

/** Runs the clients for the row, recording the server's and PostgreSQL's CPU time and the machine's load. */
async function measure(stats: Stats, pid: number | undefined, run: () => Promise<unknown>): Promise<void> {
  const before = treeCpuSeconds(pid);
  const postgresBefore = postgresCpuSeconds();
  await run();
  const after = treeCpuSeconds(pid);
  const postgresAfter = postgresCpuSeconds();
  stats.serverCpu = before === null || after === null ? null : after - before;
  stats.postgresCpu =
    postgresBefore === null || postgresAfter === null ? null : postgresAfter - postgresBefore;
  stats.load = loadavg()[0];
}
const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
/** Key order aside (the stored answer is jsonb), a replay must equal the first answer. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
const shanghaiDay = (d: Date): string => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * When a lab may send its next request. Paced: at `perSecond` on a fixed schedule from a random
 * phase; the time it was due is returned, and latency counts from it. Unpaced: now.
 */
interface Pacer {
  next(): Promise<number>;
}
const unpaced: Pacer = { next: () => Promise.resolve(performance.now()) };
function pacer(perSecond: number): Pacer {
  const interval = 1000 / perSecond;
  let due = performance.now() + Math.random() * interval;
  return {
    async next() {
      const at = due;
      due += interval;
      const wait = at - performance.now();
      if (wait > 0) await sleep(wait);
      return at;
    },
  };
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function timed(
  stats: Stats,
  pace: Pacer,
  url: string,
  init: RequestInit,
): Promise<{ status: number; body: unknown } | null> {
  const start = await pace.next();
  try {
    const res = await fetch(url, init);
    const body: unknown = await res.json();
    const latency = performance.now() - start;
    stats.latencies.push(latency);
    if (TRACE_FILE) stats.trace.push([start - stats.began, latency, requestKind(url, init), res.status]);
    stats.requests += 1;
    if (res.status >= 500) stats.serverErrors += 1;
    if (res.status >= 400) stats.errors += 1;
    return { status: res.status, body };
  } catch {
    stats.requests += 1;
    stats.errors += 1;
    return null;
  }
}

/** A POST with client retries: network errors and 5xx are retried, and some answers are "lost". */
async function postWithRetries(
  stats: Stats,
  pace: Pacer,
  url: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; body: unknown } | null> {
  const init = {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  };
  let answer = await timed(stats, pace, url, init);
  for (let attempt = 1; attempt <= 3 && (answer === null || answer.status >= 500); attempt++) {
    stats.retries += 1;
    answer = await timed(stats, pace, url, init);
  }
  if (answer && answer.status < 300 && Math.random() < RETRY_RATE) {
    stats.retries += 1;
    const again = await timed(stats, pace, url, init);
    if (again && canonical(again.body) !== canonical(answer.body))
      throw new Error(`retry with the same key answered differently: ${JSON.stringify(again.body)}`);
  }
  return answer;
}

function report(sampleCode: string): Record<string, unknown> {
  const today = shanghaiDay(new Date());
  return {
    reportNumber: `B-${randomBytes(8).toString('hex')}`,
    sample: { sampleCode, conditionOnReceipt: '封样完好', receivedOn: today },
    testedFrom: today,
    testedTo: today,
    items: [
      {
        item: '蚕丝含量',
        standard: 'GB/T 24252-2019 5.2',
        requirement: '≥ 100.0',
        measuredValue: '62.3',
        unit: '%',
        verdict: 'fail',
      },
      {
        item: '质量偏差率',
        standard: 'GB/T 24252-2019 5.3',
        requirement: '≥ -5.0',
        measuredValue: '-1.2',
        unit: '%',
        verdict: 'pass',
      },
      {
        item: '纤维含量',
        standard: 'GB/T 24252-2019 5.4',
        requirement: '符合标识',
        measuredValue: '符合',
        verdict: 'pass',
      },
    ],
    verdict: 'fail',
    failingItems: ['蚕丝含量'],
    reportDocumentId: randomUUID(),
    authorisedBy: '王工',
    authorisedTitle: '授权签字人',
    issuedAt: new Date().toISOString(),
  };
}

/** One lab: poll, accept the first dispatched assignment, report on it; repeat until the end. */
async function labLoop(
  url: string,
  headers: Record<string, string>,
  stats: Stats,
  pace: Pacer,
  until: number,
): Promise<void> {
  while (Date.now() < until) {
    const page = await timed(stats, pace, `${url}/v1/assignments?status=dispatched&pageSize=5`, {
      headers,
    });
    const items =
      (page?.body as { items?: Array<{ id: string; sampleCode: string }> } | undefined)?.items ?? [];
    if (items.length === 0) {
      // Nothing to do: a real client waits before it asks again.
      stats.emptyPolls += 1;
      await sleep(1_000);
      continue;
    }
    const a = items[0];
    const accepted = await postWithRetries(stats, pace, `${url}/v1/assignments/${a.id}/accept`, headers, {});
    if (!accepted || accepted.status !== 200) continue;
    const sent = await postWithRetries(
      stats,
      pace,
      `${url}/v1/assignments/${a.id}/reports`,
      headers,
      report(a.sampleCode),
    );
    if (sent?.status === 201) stats.reports += 1;
  }
}

async function bareLoop(url: string, stats: Stats, pace: Pacer, until: number): Promise<void> {
  while (Date.now() < until) await timed(stats, pace, `${url}/bare`, {});
}

/** The labs' pacers for a row: paced at RATE together, or unpaced (saturated). */
const pacers = (paced: boolean): Pacer[] =>
  Array.from({ length: LABS }, () => (paced ? pacer(RATE / LABS) : unpaced));
const rowName = (server: string, paced: boolean) =>
  `${server}, ${paced ? `paced at ${RATE}/s` : 'saturated'}`;

/**
 * A server's rows: a warm-up, paced (not printed: the first requests of each route compile code,
 * fill the connection pool and meet a database still settling after the dispatch), then the paced
 * and the saturated row. Returns [warm-up, paced, saturated].
 */
type Mode = 'warm-up' | 'paced' | 'saturated';

async function runRows(
  server: string,
  pid: number | undefined,
  loop: (stats: Stats, pace: Pacer, lab: number, until: number) => Promise<void>,
  modes: readonly Mode[] = ['warm-up', 'paced', 'saturated'],
  /** Called before and after the saturated row (the CPU profile's span). */
  aroundSaturated?: () => Promise<void>,
): Promise<Stats[]> {
  const rows: Stats[] = [];
  for (const mode of modes) {
    const stats = newStats(mode === 'warm-up' ? `${server}, warm-up` : rowName(server, mode === 'paced'));
    if (mode === 'saturated') await aroundSaturated?.();
    const until = Date.now() + (mode === 'warm-up' ? WARMUP_SECONDS : SECONDS) * 1000;
    const pace = pacers(mode !== 'saturated');
    await measure(stats, pid, () => Promise.all(pace.map((p, lab) => loop(stats, p, lab, until))));
    if (mode === 'saturated') await aroundSaturated?.();
    rows.push(stats);
  }
  return rows;
}

async function runBare(): Promise<Stats[]> {
  const port = await freePort();
  const child = spawn(process.execPath, [...process.execArgv, __filename, 'bare-server', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`bare server exited ${code}`)));
  });
  const rows = await runRows('bare NestJS JSON GET', child.pid, (stats, pace, _i, until) =>
    bareLoop(`http://127.0.0.1:${port}`, stats, pace, until),
  );
  child.kill('SIGTERM');
  return rows;
}

/** The lab gateway's rows, in `workers` processes behind its port (HTTP_WORKERS). */
async function runLabGateway(
  workers = 1,
  modes?: readonly Mode[],
): Promise<{ rows: Stats[]; duplicates: number; reportsStored: number }> {
  const db = await createTestDatabase('bench_lab_gateway');
  const prefix = `bench-${randomBytes(4).toString('hex')}.`;
  const port = await freePort();
  const service: ServiceProcess = spawnService('lab-gateway', {
    HTTP_PORT: String(port),
    DB_NAME: db.name,
    KAFKA_TOPIC_PREFIX: prefix,
    LOG_LEVEL: 'error',
    DB_POOL_SIZE: '20',
    HTTP_WORKERS: String(workers),
    // A moved clock is per process: a cluster refuses it (the bench never moves the clock).
    CLOCK_OVERRIDE_ENABLED: '',
    // NODE_OPTIONS refuses --cpu-prof: a preload using node:inspector profiles (BENCH_CPU_PROFILE_DIR).
    ...serviceNodeOptions(PROFILE_DIR !== undefined && workers === 1),
  });
  const pg = new Client({ ...pgServerFromEnv(), database: db.name });
  const kafka = new Kafka({
    clientId: 'bench',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ idempotent: true });
  try {
    await waitForReady(service, 120_000);
    await pg.connect();
    const issuer = TestIssuer.shared();
    const admin = await issuer.headers({ roles: ['admin'], sub: 'bench-admin' });
    const labIds: string[] = [];
    for (let i = 0; i < LABS; i++) {
      const res = await fetch(`${service.url}/labs`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify({
          name: `基准实验室${i}`,
          address: '浙江省杭州市',
          cmaNumber: `BENCH${i}${randomBytes(3).toString('hex')}`,
          cmaExpiresOn: '2030-12-31',
          qualificationLevel: 1 + (i % 3),
          scopes: [{ category: 'silk-quilt', standards: [] }],
          capacity: 100_000,
          turnaroundWorkingDays: 10,
          contract: {
            contractNumber: `WT-BENCH-${randomUUID()}`,
            validFrom: '2026-01-01',
            validTo: '2030-12-31',
            turnaroundWorkingDays: 10,
            categories: [{ category: 'silk-quilt', priceFen: 80_000 }],
          },
        }),
      });
      if (res.status !== 201) throw new Error(`register lab: ${res.status} ${await res.text()}`);
      labIds.push(((await res.json()) as { id: string }).id);
    }
    // Sealed samples arrive over Kafka as evidence would publish them; dispatch draws a lab for each.
    await producer.connect();
    const base = Math.floor(Math.random() * 400_000);
    for (let i = 0; i < SAMPLES; i += 500) {
      await producer.send({
        topic: `${prefix}evidence.sample-sealed.v1`,
        messages: Array.from({ length: Math.min(500, SAMPLES - i) }, (_, j) => {
          const batchNumber = `BM2026-${String(base + i + j).padStart(6, '0')}`;
          return {
            key: batchNumber,
            value: JSON.stringify({
              batchNumber,
              sampleCode: `${batchNumber}-S`,
              category: 'silk-quilt',
              claimed: { sampleName: '桑蚕丝被', hasCertificate: true },
              testSample: { sealNumber: `FY-${batchNumber}-1`, units: 1 },
              backupSample: { sealNumber: `FY-${batchNumber}-2`, units: 1 },
              workOrderNumber: `GD-${batchNumber}`,
              unpackingSessionId: randomUUID(),
              sealedAt: new Date().toISOString(),
            }),
            headers: {
              'message-id': randomUUID(),
              type: 'evidence.sample-sealed',
              version: '1',
              'occurred-at': new Date().toISOString(),
              'correlation-id': batchNumber,
              producer: 'evidence',
            },
          };
        }),
      });
    }
    const dispatchStart = Date.now();
    for (;;) {
      const n = Number((await pg.query<{ n: string }>('select count(*) as n from assignment')).rows[0].n);
      if (n >= SAMPLES) break;
      if (Date.now() - dispatchStart > 300_000) throw new Error(`only ${n} of ${SAMPLES} samples dispatched`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    process.stdout.write(
      `dispatched ${SAMPLES} samples in ${((Date.now() - dispatchStart) / 1000).toFixed(1)} s\n`,
    );

    const tokens = await Promise.all(
      labIds.map((labId) => issuer.headers({ roles: ['lab'], labId, sub: `bench-${labId}` })),
    );
    const rows = await runRows(
      workers === 1 ? 'lab gateway /v1 poll+accept+report' : `lab gateway /v1, ${workers} workers`,
      service.child.pid,
      (stats, pace, i, until) => labLoop(service.url, tokens[i], stats, pace, until),
      modes,
      PROFILE_DIR !== undefined && workers === 1
        ? async () => void (await cutProfile(service.child.pid as number))
        : undefined,
    );
    const duplicates = Number(
      (
        await pg.query<{ n: string }>(
          `select count(*) as n from (select assignment_id from report group by assignment_id having count(*) > 1) d`,
        )
      ).rows[0].n,
    );
    const reportsStored = Number(
      (await pg.query<{ n: string }>('select count(*) as n from report')).rows[0].n,
    );
    return { rows, duplicates, reportsStored };
  } finally {
    await producer.disconnect().catch(() => undefined);
    await pg.end().catch(() => undefined);
    await service.stop('SIGTERM');
    await db.drop();
    await deleteTopicsWithPrefix(prefix);
  }
}

async function main(): Promise<void> {
  Object.assign(process.env, { ...localInfraEnv(), ...process.env, LOG_LEVEL: 'error' });
  process.stdout.write(
    `lab gateway load test: ${LABS} clients for ${SECONDS} s each row; paced rows at ${RATE} requests/s; ` +
      `retry rate ${RETRY_RATE}\n`,
  );
  const bare = await runBare();
  const { rows: gateway, duplicates: duplicatesOne, reportsStored: storedOne } = await runLabGateway();
  const workersRun = await runLabGateway(WORKERS, ['warm-up', 'saturated']);
  const [, saturatedWorkers] = workersRun.rows;
  const duplicates = duplicatesOne + workersRun.duplicates;
  const reportsStored = storedOne + workersRun.reportsStored;
  const p99 = (s: Stats) =>
    percentile(
      [...s.latencies].sort((a, b) => a - b),
      99,
    );
  const row = (s: Stats) => {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    const perRequest = (cpu: number | null) =>
      (cpu === null ? 'n/a' : ((1000 * cpu) / s.requests).toFixed(2)).padStart(9);
    return `${s.name.padEnd(50)} ${(s.requests / SECONDS).toFixed(0).padStart(7)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${p99(s).toFixed(1).padStart(8)} ${String(s.errors).padStart(7)} ${String(s.serverErrors).padStart(5)} ${perRequest(s.serverCpu)} ${perRequest(s.postgresCpu)} ${s.load.toFixed(1).padStart(6)}`;
  };
  const [, paced, saturated] = gateway;
  /** CPU milliseconds a request in a row (Infinity when it could not be read). */
  const perRequestMs = (cpu: number | null, s: Stats) =>
    cpu === null ? Infinity : (1000 * cpu) / s.requests;
  if (TRACE_FILE) {
    const lines = [...bare, ...gateway, ...workersRun.rows].flatMap((s) =>
      s.trace.map(([due, latency, kind, status]) =>
        [JSON.stringify(s.name), due.toFixed(1), latency.toFixed(2), kind, status].join(','),
      ),
    );
    writeFileSync(TRACE_FILE, `row,due_ms,latency_ms,kind,status\n${lines.join('\n')}\n`);
  }
  const [, barePaced, bareSaturated] = bare;
  const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : (a / b).toFixed(2));
  process.stdout.write(
    `\n${'row'.padEnd(50)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'5xx'.padStart(5)} ${'server'.padStart(9)} ${'postgres'.padStart(9)} ${'load'.padStart(6)}\n` +
      `${''.padEnd(50)} ${''.padStart(7)} ${''.padStart(8)} ${''.padStart(8)} ${''.padStart(7)} ${''.padStart(5)} ${'CPU ms a request'.padStart(19)} ${'(1 min)'.padStart(6)}\n` +
      `${[barePaced, paced, bareSaturated, saturated, saturatedWorkers].map(row).join('\n')}\n` +
      `machine: ${cpus().length} cores shared with PostgreSQL, Kafka, this load generator and whatever else runs; ` +
      `load = 1-minute load average at the end of the row\n` +
      `paced latency counts from when a request was due (a late answer delays the lab's next request)\n` +
      `\nlab gateway / bare: paced p99 ${ratio(p99(paced), p99(barePaced))}×; saturated throughput ` +
      `${ratio(saturated.requests, bareSaturated.requests)}×, CPU per request ` +
      `${ratio((saturated.serverCpu ?? 0) / saturated.requests, (bareSaturated.serverCpu ?? 0) / bareSaturated.requests)}×\n` +
      `lab gateway ${WORKERS} workers / 1 process, saturated throughput: ` +
      `${ratio(saturatedWorkers.requests, saturated.requests)}× (${cpus().length} cores)\n`,
  );
  // Over every row, the warm-up too, of both runs.
  const allRows = [...gateway, ...workersRun.rows];
  const reports = allRows.reduce((n, s) => n + s.reports, 0);
  const serverErrors = allRows.reduce((n, s) => n + s.serverErrors, 0);
  process.stdout.write(
    `\nlab gateway: ${reports} reports accepted (${reportsStored} stored), ${allRows.reduce((n, s) => n + s.retries, 0)} client retries, ` +
      `${duplicates} assignments with more than one report, ${allRows.reduce((n, s) => n + s.emptyPolls, 0)} empty polls; ` +
      `errors = 4xx/5xx answers and network failures\n` +
      `target check (paced row): ≥ 300 req/s ${paced.requests / SECONDS >= 300 ? 'met' : 'NOT met'}; ` +
      `p99 ≤ 100 ms ${p99(paced) <= 100 ? 'met' : 'NOT met'}; ` +
      `zero 5xx (every row) ${serverErrors === 0 ? 'met' : 'NOT met'}; ` +
      `zero duplicate reports ${duplicates === 0 && reportsStored === reports ? 'met' : 'NOT met'}\n` +
      `target check (issue 18.3): paced p99 ≤ 30 ms ${p99(paced) <= 30 ? 'met' : 'NOT met'}; ` +
      `saturated: service CPU ≤ 0.6 ms a request ${perRequestMs(saturated.serverCpu, saturated) <= 0.6 ? 'met' : 'NOT met'}, ` +
      `PostgreSQL CPU ≤ 0.6 ms a request ${perRequestMs(saturated.postgresCpu, saturated) <= 0.6 ? 'met' : 'NOT met'}; ` +
      `${WORKERS} workers scale the saturated row (> 1.0×) ${saturatedWorkers.requests > saturated.requests ? 'met' : 'NOT met'}\n`,
  );
}

if (process.argv[2] === 'bare-server') {
  bareServer(Number(process.argv[3])).catch((error: unknown) => {
    process.stderr.write(`bare server failed: ${String(error)}\n`);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
