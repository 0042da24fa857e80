/**
 * Benchmark of the event backbone (issue 3), three rows measured in one run on the same broker
 * and database:
 *   1. bare kafkajs: produce/consume loop, no database
 *   2. bare PostgreSQL inserts of the same rows (the outbox's shape), no Kafka
 *   3. the backbone: outbox (in the producer's transaction) → relay → Kafka → inbox → trivial handler,
 *      exactly once in effect (the fixture service, a real process on the real runtime)
 * Each row: events/s as fast as it goes, and end-to-end latency p50/p99 at a steady 1,000 events/s.
 *
 *   npm run bench -- backbone        (BENCH_EVENTS=50000 BENCH_RATE=1000 BENCH_RATE_SECONDS=10)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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
import { CompressionTypes, Kafka, logLevel, Partitioners } from 'kafkajs';
import { Client } from 'pg';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 50_000);
const RATE = Number(process.env['BENCH_RATE'] ?? 1_000);
const RATE_SECONDS = Number(process.env['BENCH_RATE_SECONDS'] ?? 10);
/** Partitions of every topic in the run (bare and backbone alike); consumers take them all at once. */
const PARTITIONS = Number(process.env['BENCH_PARTITIONS'] ?? 3);
/** Concurrent writers of the producing service (as concurrent requests would be). */
const WRITERS = Number(process.env['BENCH_WRITERS'] ?? 4);

Object.assign(process.env, { ...localInfraEnv(), ...process.env, LOG_LEVEL: 'error' });
const kafka = new Kafka({
  clientId: 'bench',
  brokers: (process.env['KAFKA_BROKERS'] as string).split(','),
  logLevel: logLevel.NOTHING,
});

interface Row {
  name: string;
  eventsPerSecond: number;
  p50?: number;
  p99?: number;
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
  const run = async (count: number, rate: number): Promise<{ seconds: number; latencies: number[] }> => {
    const topic = `bench-bare-${randomBytes(4).toString('hex')}`;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
    });
    const latencies: number[] = [];
    const consumer = kafka.consumer({ groupId: `bench-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: PARTITIONS,
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const m of batch.messages) latencies.push(now - Number(m.headers?.['t']?.toString()));
      },
    });
    const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const start = Date.now();
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
    await untilDone(async () => latencies.length >= count, 300_000, 'bare kafka');
    const seconds = (Date.now() - start) / 1000;
    await producer.disconnect();
    await consumer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    return { seconds, latencies };
  };
  const fast = await run(EVENTS, 0);
  const steady = await run(RATE * RATE_SECONDS, RATE);
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
 * Row 3: two fixture processes, as two services: the producer emits through its outbox (its
 * relay publishes), the consumer applies through its inbox in its own database.
 */
async function backbone(handler: 'each' | 'batch'): Promise<Row> {
  const run = async (count: number, rate: number) => {
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
      const stats = await client.query<{
        seconds: number;
        p50: number;
        p99: number;
        n: string;
        distinct: string;
      }>(`
        select extract(epoch from max(applied_at) - min(sent_at))::float8 as seconds,
               percentile_disc(0.5) within group (order by extract(epoch from applied_at - sent_at) * 1000)::float8 as p50,
               percentile_disc(0.99) within group (order by extract(epoch from applied_at - sent_at) * 1000)::float8 as p99,
               count(*) as n, count(distinct message_id) as distinct
        from fixture_effect`);
      const s = stats.rows[0];
      if (process.env['BENCH_CPU']) {
        for (const p of processes) {
          const fields = readFileSync(`/proc/${p.child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
          process.stdout.write(
            `cpu ${p.name} pid ${p.child.pid}: ${(Number(fields[11]) + Number(fields[12])) / 100} s\n`,
          );
        }
      }
      if (s.n !== s.distinct) throw new Error(`double effects: ${s.n} rows for ${s.distinct} events`);
      return s;
    } finally {
      await Promise.all(processes.map((p) => p.stop('SIGTERM')));
      await client.end().catch(() => undefined);
      await producerDb.drop();
      await consumerDb.drop();
      await deleteTopicsWithPrefix(prefix);
    }
  };
  const fast = await run(EVENTS, 0);
  const steady = await run(RATE * RATE_SECONDS, RATE);
  const name = handler === 'each' ? 'backbone, handler per event' : 'backbone, handler per chunk';
  return {
    name: `${name} (exactly once)`,
    eventsPerSecond: EVENTS / fast.seconds,
    p50: steady.p50,
    p99: steady.p99,
  };
}

async function main(): Promise<void> {
  process.stdout.write(
    `backbone benchmark: ${EVENTS} events as fast as possible; latency at ${RATE}/s for ${RATE_SECONDS} s; ` +
      `${PARTITIONS} partitions per topic; ${WRITERS} writers in the producing service\n`,
  );
  const rows = [await bareKafka(), await bareInserts(), await backbone('each'), await backbone('batch')];
  const fmt = (n: number | undefined, digits = 0) => (n === undefined ? '—' : n.toFixed(digits));
  process.stdout.write(
    `\n${'row'.padEnd(42)} ${'events/s'.padStart(10)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)}\n`,
  );
  for (const r of rows)
    process.stdout.write(
      `${r.name.padEnd(42)} ${fmt(r.eventsPerSecond).padStart(10)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p99, 1).padStart(8)}\n`,
    );
  const [bare, inserts, each, batch] = rows;
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  process.stdout.write(
    `\nratios (events/s): per event / bare kafkajs = ${ratio(each.eventsPerSecond, bare.eventsPerSecond)}, ` +
      `per event / bare inserts = ${ratio(each.eventsPerSecond, inserts.eventsPerSecond)}, ` +
      `per chunk / bare kafkajs = ${ratio(batch.eventsPerSecond, bare.eventsPerSecond)}, ` +
      `per chunk / bare inserts = ${ratio(batch.eventsPerSecond, inserts.eventsPerSecond)}\n` +
      `ratios (p99): per event / bare kafkajs = ${ratio(each.p99 ?? 0, bare.p99 ?? 1)}, per chunk / bare kafkajs = ${ratio(batch.p99 ?? 0, bare.p99 ?? 1)}\n`,
  );
  for (const r of [each, batch]) {
    process.stdout.write(
      `target check, ${r.name}: ≥ 5000 events/s ${r.eventsPerSecond >= 5000 ? 'met' : 'NOT met'}; ` +
        `p99 ≤ 250 ms at ${RATE}/s ${(r.p99 ?? Infinity) <= 250 ? 'met' : 'NOT met'}\n`,
    );
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`benchmark failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
