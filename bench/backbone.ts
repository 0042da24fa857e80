/**
 * Benchmark of the event backbone (issues 3 and 18), rows measured in one run on the same broker
 * and database:
 *   1. bare kafkajs: produce/consume loop, no database
 *   2. bare PostgreSQL inserts of the same rows (the outbox's shape), no Kafka
 *   3. the backbone: outbox (in the producer's transaction) → relay → Kafka → inbox → trivial handler,
 *      exactly once in effect (the fixture service, a real process on the real runtime), with a
 *      handler per event (its effect a held write: one insert for the chunk), a handler per chunk,
 *      and a handler per event that sends its effect at once (a statement per event)
 * Each row: events/s as fast as it goes, and end-to-end latency p50/p99 at a steady 1,000 events/s,
 * the backbone's hop by hop; then the ratios and the target checks (PASS/FAIL), and the load.
 * The steady runs send for BENCH_WARMUP_SECONDS more first, not counted in any row: the bare loop
 * runs in this process, warmed up by its fast run, while the backbone's two processes are started
 * for the steady run (cold code, pool connections, topic metadata).
 *
 *   npm run bench -- backbone        (BENCH_EVENTS=50000 BENCH_RATE=1000 BENCH_RATE_SECONDS=10
 *                                     BENCH_WARMUP_SECONDS=2 (0: count from the first event)
 *                                     BENCH_ROWS=kafka,inserts,each,batch,plain
 *                                     BENCH_CPU_PROFILE_DIR=/tmp/prof: CPU profiles of the fast runs;
 *                                     BENCH_SERVICE_NODE_OPTIONS: the fixture processes' NODE_OPTIONS)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import {
  deleteTopicsWithPrefix,
  createTestDatabase,
  fixtureEntry,
  freePort,
  localInfraEnv,
  pgServerFromEnv,
  spawnService,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import { kafkaConnection } from '@qis/messaging';
import { CompressionTypes, Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { cutProfile, PROFILE_DIR, serviceNodeOptions } from './profiling';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 50_000);
const RATE = Number(process.env['BENCH_RATE'] ?? 1_000);
const RATE_SECONDS = Number(process.env['BENCH_RATE_SECONDS'] ?? 10);
/** Seconds sent at the steady rate before the RATE_SECONDS that are measured, in every row. */
const WARMUP_SECONDS = Number(process.env['BENCH_WARMUP_SECONDS'] ?? 2);
/** Partitions of every topic in the run (bare and backbone alike); consumers take them all at once. */
const PARTITIONS = Number(process.env['BENCH_PARTITIONS'] ?? 3);
/** Concurrent writers of the producing service (as concurrent requests would be). */
const WRITERS = Number(process.env['BENCH_WRITERS'] ?? 4);

Object.assign(process.env, { ...localInfraEnv(), ...process.env, LOG_LEVEL: 'error' });
const kafka = new Kafka({
  clientId: 'bench',
  ...kafkaConnection(),
  logLevel: logLevel.NOTHING,
});

interface Row {
  name: string;
  eventsPerSecond: number;
  p50?: number;
  p99?: number;
  /** Where the latency at the steady rate goes, hop by hop (p50/p99 of each hop alone). */
  hops?: Array<{ hop: string; p50: number; p99: number }>;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const payload = (i: number) =>
  JSON.stringify({ key: `K${i % 50}`, seq: i, sentAt: new Date().toISOString(), pad: 'x'.repeat(200) });

async function untilDone(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not done after ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Row 1: produce as fast as possible while one consumer reads; then at a steady rate for latency. */
async function bareKafka(): Promise<Row> {
  const admin = kafka.admin();
  await admin.connect();
  const run = async (
    count: number,
    rate: number,
    warmupMs = 0,
  ): Promise<{ seconds: number; latencies: number[] }> => {
    const topic = `bench-bare-${randomBytes(4).toString('hex')}`;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
    });
    const latencies: number[] = [];
    let received = 0;
    // Messages sent before this are received but not measured (the warm-up).
    let measuredFrom = Number.POSITIVE_INFINITY;
    const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: PARTITIONS,
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const m of batch.messages) {
          const sent = Number(m.headers?.['t']?.toString());
          if (sent >= measuredFrom) latencies.push(now - sent);
        }
        received += batch.messages.length;
      },
    });
    const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const start = Date.now();
    measuredFrom = start + warmupMs;
    const chunk = rate ? Math.max(1, rate / 100) : 500;
    for (let i = 0; i < count; i += chunk) {
      if (rate) {
        const due = start + (i / rate) * 1000;
        if (due > Date.now()) await sleep(due - Date.now());
      }
      const t = String(Date.now());
      const messages = Array.from({ length: Math.min(chunk, count - i) }, (_, j) => ({
        key: `K${(i + j) % 50}`,
        value: payload(i + j),
        headers: { t },
      }));
      await producer.send({ topic, acks: -1, compression: CompressionTypes.None, messages });
    }
    await untilDone(async () => received >= count, 300_000, 'bare kafka');
    const seconds = (Date.now() - start) / 1000;
    await producer.disconnect();
    await consumer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    return { seconds, latencies };
  };
  const fast = await run(EVENTS, 0);
  const steady = await run(RATE * (WARMUP_SECONDS + RATE_SECONDS), RATE, WARMUP_SECONDS * 1000);
  await admin.disconnect();
  const sorted = steady.latencies.sort((a, b) => a - b);
  return {
    name: 'bare kafkajs produce → consume',
    eventsPerSecond: EVENTS / fast.seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}

/** Row 2: the same rows inserted into a table shaped like the outbox, 500 per statement. */
async function bareInserts(): Promise<Row> {
  const db = await createTestDatabase('bench_inserts');
  const client = new Client({ ...pgServerFromEnv(), database: db.name });
  await client.connect();
  try {
    await client.query(`create table rows (id bigserial primary key, message_id uuid not null unique, topic text not null,
      message_key text not null, payload text not null, headers jsonb not null, created_at timestamptz not null default now())`);
    const start = Date.now();
    for (let i = 0; i < EVENTS; i += 500) {
      const n = Math.min(500, EVENTS - i);
      const params: string[] = [];
      const values = Array.from({ length: n }, (_, j) => {
        params.push(
          randomUUID(),
          'bench.event.v1',
          `K${(i + j) % 50}`,
          payload(i + j),
          '{"type":"bench.event"}',
        );
        const b = j * 5;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}::jsonb)`;
      });
      await client.query(
        `insert into rows (message_id, topic, message_key, payload, headers) values ${values.join(',')}`,
        params,
      );
    }
    return {
      name: 'bare PostgreSQL inserts (same rows)',
      eventsPerSecond: EVENTS / ((Date.now() - start) / 1000),
    };
  } finally {
    await client.end();
    await db.drop();
  }
}

/**
 * The latency of the backbone hop by hop, from the timestamps its tables keep: emitted (the event's
 * sentAt, before its transaction) → relayed (the outbox's sent_at: Kafka's ack, as the relay marks
 * it a round later) → the consumer's transaction began (its inbox) → the effect written
 * (fixture_effect). Events emitted before `measuredFrom` (the warm-up) are left out.
 */
async function hops(producerDb: string, consumer: Client, measuredFrom: Date): Promise<Row['hops']> {
  const producer = new Client({ ...pgServerFromEnv(), database: producerDb });
  await producer.connect();
  try {
    const relayed = new Map(
      (
        await producer.query<{ id: string; at: number }>(
          'select message_id as id, extract(epoch from sent_at)::float8 * 1000 as at from outbox',
        )
      ).rows.map((r) => [r.id, r.at]),
    );
    const { rows } = await consumer.query<{ id: string; emitted: number; began: number; applied: number }>(
      `
      select e.message_id as id, extract(epoch from e.sent_at)::float8 * 1000 as emitted,
             extract(epoch from i.processed_at)::float8 * 1000 as began,
             extract(epoch from e.applied_at)::float8 * 1000 as applied
      from fixture_effect e join inbox i using (message_id)
      where e.sent_at >= $1`,
      [measuredFrom],
    );
    const spread = (hop: string, of: (r: (typeof rows)[number], relayedAt: number) => number) => {
      const sorted = rows
        .filter((r) => relayed.has(r.id))
        .map((r) => of(r, relayed.get(r.id) as number))
        .sort((a, b) => a - b);
      return { hop, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    };
    return [
      spread('emitted → relayed (outbox commit, relay round, Kafka ack)', (r, at) => at - r.emitted),
      spread('relayed → consumer transaction (fetch, decode)', (r, at) => r.began - at),
      spread('consumer transaction → effect written', (r) => r.applied - r.began),
    ];
  } finally {
    await producer.end();
  }
}

/**
 * Row 3: two fixture processes, as two services: the producer emits through its outbox (its
 * relay publishes), the consumer applies through its inbox in its own database.
 */
async function backbone(handler: 'each' | 'batch' | 'plain'): Promise<Row> {
  const run = async (count: number, rate: number, warmupSeconds = 0) => {
    const prefix = `bench-${randomBytes(4).toString('hex')}.`;
    const producerDb = await createTestDatabase('bench_producer');
    const consumerDb = await createTestDatabase('bench_consumer');
    const client = new Client({ ...pgServerFromEnv(), database: consumerDb.name });
    const processes: ServiceProcess[] = [];
    const start = async (db: string, env: Record<string, string>) => {
      const p = spawnService(
        'fixture',
        {
          HTTP_PORT: String(await freePort()),
          DB_NAME: db,
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
          // The as-fast-as-it-goes run of both processes, profiled with BENCH_CPU_PROFILE_DIR.
          ...serviceNodeOptions(PROFILE_DIR !== undefined && rate === 0),
          ...env,
        },
        fixtureEntry(),
      );
      processes.push(p);
      await waitForReady(p, 120_000);
    };
    try {
      await start(consumerDb.name, { KAFKA_CONSUMER_GROUP: `${prefix}consumer`, FIXTURE_HANDLER: handler });
      await start(producerDb.name, {
        FIXTURE_CONSUME: 'false',
        FIXTURE_EMIT: String(count),
        FIXTURE_EMIT_CHUNK: '500',
        FIXTURE_EMIT_WRITERS: String(WRITERS),
        FIXTURE_EMIT_RATE: String(rate),
        FIXTURE_KEYS: '50',
      });
      await client.connect();
      const applied = async () =>
        Number((await client.query<{ n: string }>('select count(*) as n from fixture_effect')).rows[0].n);
      await untilDone(async () => (await applied()) >= count, 600_000, 'backbone');
      const all = await client.query<{ seconds: number; first: Date; n: string; distinct: string }>(`
        select extract(epoch from max(applied_at) - min(sent_at))::float8 as seconds, min(sent_at) as first,
               count(*) as n, count(distinct message_id) as distinct
        from fixture_effect`);
      const { seconds, first, n, distinct } = all.rows[0];
      // The latency of the events emitted after the warm-up only.
      const measuredFrom = new Date(first.getTime() + warmupSeconds * 1000);
      const latency = await client.query<{ p50: number; p99: number }>(
        `select percentile_disc(0.5) within group (order by extract(epoch from applied_at - sent_at) * 1000)::float8 as p50,
                percentile_disc(0.99) within group (order by extract(epoch from applied_at - sent_at) * 1000)::float8 as p99
         from fixture_effect where sent_at >= $1`,
        [measuredFrom],
      );
      const { p50, p99 } = latency.rows[0];
      if (PROFILE_DIR && rate === 0) {
        const files = await Promise.all(processes.map((p) => cutProfile(p.child.pid as number)));
        for (const file of files) process.stdout.write(`cpu profile of a fixture process: ${file}\n`);
      }
      if (process.env['BENCH_CPU']) {
        for (const p of processes) {
          const fields = readFileSync(`/proc/${p.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
          process.stdout.write(
            `cpu ${p.name} pid ${p.child.pid}: ${(Number(fields[11]) + Number(fields[12])) / 100} s\n`,
          );
        }
      }
      if (n !== distinct) throw new Error(`double effects: ${n} rows for ${distinct} events`);
      return { seconds, p50, p99, hops: await hops(producerDb.name, client, measuredFrom) };
    } finally {
      await Promise.all(processes.map((p) => p.stop('SIGTERM')));
      await client.end().catch(() => undefined);
      await producerDb.drop();
      await consumerDb.drop();
      await deleteTopicsWithPrefix(prefix);
    }
  };
  const fast = await run(EVENTS, 0);
  const steady = await run(RATE * (WARMUP_SECONDS + RATE_SECONDS), RATE, WARMUP_SECONDS);
  const name = {
    each: 'backbone, handler per event',
    batch: 'backbone, handler per chunk',
    plain: 'backbone, per event, effect at once',
  }[handler];
  return {
    name: `${name} (exactly once)`,
    eventsPerSecond: EVENTS / fast.seconds,
    p50: steady.p50,
    p99: steady.p99,
    hops: steady.hops,
  };
}

/** The rows to run (all by default; a subset while working on one of them: BENCH_ROWS=each). */
const ROWS = (process.env['BENCH_ROWS'] ?? 'kafka,inserts,each,batch,plain').split(',');

async function main(): Promise<void> {
  process.stdout.write(
    `backbone benchmark: ${EVENTS} events as fast as possible; latency at ${RATE}/s for ${RATE_SECONDS} s ` +
      `after ${WARMUP_SECONDS} s at that rate not counted (warm-up); ` +
      `${PARTITIONS} partitions per topic; ${WRITERS} writers in the producing service\n`,
  );
  const loadBefore = loadAverage();
  const run = async (name: string, row: () => Promise<Row>) => (ROWS.includes(name) ? row() : undefined);
  const bare = await run('kafka', bareKafka);
  const inserts = await run('inserts', bareInserts);
  const each = await run('each', () => backbone('each'));
  const batch = await run('batch', () => backbone('batch'));
  const plain = await run('plain', () => backbone('plain'));
  const rows = [bare, inserts, each, batch, plain].filter((r): r is Row => r !== undefined);
  const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '—' : n.toFixed(digits));
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out();
  out(`${'row'.padEnd(42)} ${'events/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}`);
  for (const r of rows)
    out(
      `${r.name.padEnd(42)} ${fmt(r.eventsPerSecond).padStart(10)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p99, 1).padStart(8)}`,
    );
  for (const r of rows.filter((row) => row.hops)) {
    out(`\nlatency hop by hop at ${RATE}/s, ${r.name} (p50 / p99 ms, each hop alone):`);
    for (const h of r.hops ?? [])
      out(`  ${h.hop.padEnd(62)} ${fmt(h.p50, 1).padStart(7)} ${fmt(h.p99, 1).padStart(7)}`);
  }

  const ratio = (a: Row | undefined, b: Row | undefined, of: (r: Row) => number | undefined) =>
    a && b && of(a) !== undefined && of(b) ? ((of(a) as number) / (of(b) as number)).toFixed(2) : '—';
  const rate = (r: Row) => r.eventsPerSecond;
  const p99 = (r: Row) => r.p99;
  out(
    `\nratios (events/s): per event / bare kafkajs = ${ratio(each, bare, rate)}, ` +
      `per event / bare inserts = ${ratio(each, inserts, rate)}, ` +
      `per chunk / bare kafkajs = ${ratio(batch, bare, rate)}, ` +
      `per chunk / bare inserts = ${ratio(batch, inserts, rate)}, ` +
      `per event (effect at once) / bare inserts = ${ratio(plain, inserts, rate)}`,
  );
  out(
    `ratios (p99): per event / bare kafkajs = ${ratio(each, bare, p99)}, per chunk / bare kafkajs = ${ratio(batch, bare, p99)}, ` +
      `per event (effect at once) / bare kafkajs = ${ratio(plain, bare, p99)}`,
  );

  // Issue 3's targets (absolute), then issue 18's (relative to the bare rows of this same run).
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  out();
  for (const r of [each, batch].filter((row): row is Row => row !== undefined)) {
    out(
      `target check, ${r.name}: ≥ 5000 events/s ${verdict(r.eventsPerSecond >= 5000)}; ` +
        `p99 ≤ 250 ms at ${RATE}/s ${verdict((r.p99 ?? Infinity) <= 250)}`,
    );
  }
  for (const r of [each, batch, plain].filter((row): row is Row => row !== undefined)) {
    const checks: string[] = [];
    if (bare?.p99 !== undefined)
      checks.push(
        `p99 ${fmt(r.p99, 1)} ms ≤ 2 × bare kafkajs ${fmt(bare.p99, 1)} ms = ${fmt(2 * bare.p99, 1)} ms ` +
          verdict((r.p99 ?? Infinity) <= 2 * bare.p99),
      );
    if (inserts)
      checks.push(
        `${fmt(r.eventsPerSecond)} events/s ≥ 0.25 × bare inserts ${fmt(inserts.eventsPerSecond)} = ` +
          `${fmt(0.25 * inserts.eventsPerSecond)} (${ratio(r, inserts, rate)}×) ${verdict(r.eventsPerSecond >= 0.25 * inserts.eventsPerSecond)}`,
      );
    if (checks.length > 0) out(`target check (issue 18), ${r.name}: ${checks.join('; ')}`);
  }
  out(`\nload average (1, 5, 15 min): before ${loadBefore}, after ${loadAverage()}; ${cpus().length} cores`);
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
