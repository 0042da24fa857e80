import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { DeadLetterHeader, Header, kafkaConnection, readDeadLetters, readHeaders } from '@qis/messaging';
import {
  createTestDatabase,
  expectEventually,
  fixtureEntry,
  FixtureEventContract,
  freePort,
  pgServerFromEnv,
  repoRoot,
  spawnService,
  uniqueName,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { Client } from 'pg';

/**
 * The event backbone on the real broker and database, with real processes that are killed:
 * outbox → relay → Kafka → inbox, exactly once in effect, dead letters, order per key.
 * Each test has its own topic prefix (so its own topics and consumer groups) and databases.
 */
// Under this file's prefix, so the run deletes these topics when it ends.
const prefix = (): string =>
  `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${uniqueName('bb').replace(/_/g, '-')}.`;
const kafka = new Kafka({
  clientId: 'backbone-test',
  ...kafkaConnection(),
  logLevel: logLevel.NOTHING,
});

interface Fixture {
  db: string;
  drop(): Promise<void>;
  query<T extends object>(sql: string, params?: unknown[]): Promise<T[]>;
  start(env?: Record<string, string>): Promise<ServiceProcess>;
}

const running: ServiceProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop('SIGKILL')));
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function fixture(topicPrefix: string, label: string): Promise<Fixture> {
  const db = await createTestDatabase(label);
  const client = new Client({ ...pgServerFromEnv(), database: db.name });
  let connected = false;
  const self: Fixture = {
    db: db.name,
    drop: async () => {
      if (connected) await client.end();
      await db.drop();
    },
    query: async <T extends object>(sql: string, params: unknown[] = []) => {
      if (!connected) {
        await client.connect();
        connected = true;
      }
      return (await client.query(sql, params)).rows as T[];
    },
    start: async (env = {}) => {
      const proc = spawnService(
        'fixture',
        { HTTP_PORT: String(await freePort()), DB_NAME: db.name, KAFKA_TOPIC_PREFIX: topicPrefix, ...env },
        fixtureEntry(),
      );
      running.push(proc);
      if (env['FIXTURE_KILL_AFTER_EMIT'] !== 'true') await waitForReady(proc, 90_000);
      return proc;
    },
  };
  cleanups.push(self.drop);
  return self;
}

const count = async (f: Fixture, sql: string): Promise<number> =>
  Number((await f.query<{ n: string }>(sql))[0].n);

/** Message ids on a topic, in partition order, read from the start until `expected` arrived. */
async function messageIdsOn(topic: string, expected: number, timeoutMs = 60_000): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('reader') });
  const ids: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        ids.push(readHeaders(message.headers as Record<string, unknown>)[Header.MessageId]);
      },
    });
    await expectEventually(() => expect(ids.length).toBeGreaterThanOrEqual(expected), { timeoutMs });
    // give a duplicate the chance to show up
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  } finally {
    await consumer.disconnect();
  }
  return ids;
}

async function producer(): Promise<Producer> {
  const p = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await p.connect();
  cleanups.push(() => p.disconnect());
  return p;
}

const fixtureHeaders = (overrides: Record<string, string> = {}) => ({
  [Header.MessageId]: randomUUID(),
  [Header.Type]: FixtureEventContract.type,
  [Header.Version]: String(FixtureEventContract.version),
  [Header.OccurredAt]: new Date().toISOString(),
  [Header.Producer]: 'backbone-test',
  ...overrides,
});

describe('event backbone on the real broker and database', () => {
  it('(a) publishes exactly once the events a producer committed before it was killed', async () => {
    const topicPrefix = prefix();
    const service = await fixture(topicPrefix, 'bb_a');
    // The producer commits 300 events and is SIGKILLed before its relay could publish any.
    const killed = await service.start({
      FIXTURE_EMIT: '300',
      FIXTURE_KILL_AFTER_EMIT: 'true',
      OUTBOX_RELAY_ENABLED: 'false',
    });
    await killed.exited;
    expect(killed.child.signalCode).toBe('SIGKILL');
    expect(await count(service, 'select count(*) as n from outbox where sent_at is null')).toBe(300);

    await service.start();
    const ids = await messageIdsOn(`${topicPrefix}${FixtureEventContract.topic}`, 300);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
    const outboxIds = (await service.query<{ id: string }>('select message_id as id from outbox'))
      .map((r) => r.id)
      .sort();
    expect([...ids].sort()).toEqual(outboxIds);
    await expectEventually(async () =>
      expect(await count(service, 'select count(*) as n from fixture_effect')).toBe(300),
    );
  }, 180_000);

  it('publishes again, and applies once, the events a producer had sent to Kafka when it was killed before marking them sent', async () => {
    const topicPrefix = prefix();
    const service = await fixture(topicPrefix, 'bb_f');
    const committed = await service.start({
      FIXTURE_EMIT: '200',
      FIXTURE_KILL_AFTER_EMIT: 'true',
      OUTBOX_RELAY_ENABLED: 'false',
    });
    await committed.exited;
    // Hold the outbox rows so the relay's "sent" marks wait: it can publish, and be acknowledged
    // by Kafka (acks all), but not record it.
    const holder = new Client({ ...pgServerFromEnv(), database: service.db });
    // The clean-ups run together: the database's drop may end this session before holder.end()
    // does, and an error event nobody listens to would fail the test after it passed.
    holder.on('error', () => undefined);
    await holder.connect();
    cleanups.push(() => holder.end());
    await holder.query('begin');
    await holder.query('select id from outbox for update');

    const relaying = await service.start();
    const topic = `${topicPrefix}${FixtureEventContract.topic}`;
    const acknowledged = await messageIdsOn(topic, 200);
    expect(new Set(acknowledged).size).toBe(200);
    await relaying.stop('SIGKILL');
    expect(relaying.child.signalCode).toBe('SIGKILL');
    // The process is gone; its sessions die with it (the server notices the closed socket).
    await service.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and application_name = 'qis-outbox-relay'`,
    );
    await holder.query('rollback');
    expect(await count(service, 'select count(*) as n from outbox where sent_at is null')).toBe(200);

    // Restarted, the relay sends the 200 again (same message ids); the consumer applies each once.
    await service.start();
    const onTopic = await messageIdsOn(topic, 400);
    expect(onTopic).toHaveLength(400);
    expect(new Set(onTopic).size).toBe(200);
    await expectEventually(async () => {
      expect(await count(service, 'select count(*) as n from outbox where sent_at is null')).toBe(0);
      expect(await count(service, 'select count(*) as n from fixture_effect')).toBe(200);
    });
    expect(await count(service, 'select count(*) as n from inbox')).toBe(200);
  }, 180_000);

  it('(b)(e) applies 10,000 events exactly once, in order per key, across a consumer killed with SIGKILL', async () => {
    const topicPrefix = prefix();
    const source = await fixture(topicPrefix, 'bb_b_src');
    const sink = await fixture(topicPrefix, 'bb_b_sink');
    // The sink consumes the same topic in a group of its own, as another service would.
    const group = { KAFKA_CONSUMER_GROUP: `${topicPrefix}sink` };
    const firstSink = await sink.start({ ...group, FIXTURE_INSTANCE: 'first' });
    await source.start({ FIXTURE_EMIT: '10000', FIXTURE_KEYS: '50' });

    await expectEventually(
      async () => expect(await count(sink, 'select count(*) as n from fixture_effect')).toBeGreaterThan(1500),
      {
        timeoutMs: 90_000,
      },
    );
    await firstSink.stop('SIGKILL');
    const appliedBeforeKill = await count(sink, 'select count(*) as n from fixture_effect');
    expect(appliedBeforeKill).toBeLessThan(10_000);

    await sink.start({ ...group, FIXTURE_INSTANCE: 'second' });
    await expectEventually(
      async () =>
        expect(await count(sink, 'select count(distinct message_id) as n from fixture_effect')).toBe(10_000),
      {
        timeoutMs: 120_000,
      },
    );
    expect(await count(sink, 'select count(*) as n from fixture_effect')).toBe(10_000);
    expect(
      await count(sink, "select count(*) as n from fixture_effect where instance = 'second'"),
    ).toBeGreaterThan(0);

    // (e) per key, effects were applied in the order the events were emitted, across the restart
    const disorders = await count(
      sink,
      `select count(*) as n from (
         select seq, lag(seq) over (partition by event_key order by id) as prev from fixture_effect
       ) s where prev is not null and seq <> prev + 1`,
    );
    expect(disorders).toBe(0);
  }, 300_000);

  it('(c) two instances of one service share the work with no double effect and no double publish', async () => {
    const topicPrefix = prefix();
    const service = await fixture(topicPrefix, 'bb_c');
    await Promise.all([
      // these two apply whole chunks with one statement (@ConsumeEventBatch); the emitters one by one
      service.start({ FIXTURE_INSTANCE: 'one', FIXTURE_HANDLER: 'batch' }),
      service.start({ FIXTURE_INSTANCE: 'two', FIXTURE_HANDLER: 'batch' }),
    ]);
    // both instances emit into the one outbox; only the relay holding the lock publishes
    const emitters = await Promise.all([
      service.start({ FIXTURE_INSTANCE: 'one', FIXTURE_EMIT: '2000', FIXTURE_KEYS: '30' }),
      service.start({ FIXTURE_INSTANCE: 'two', FIXTURE_EMIT: '2000', FIXTURE_KEYS: '30' }),
    ]);
    expect(emitters).toHaveLength(2);

    await expectEventually(
      async () =>
        expect(await count(service, 'select count(distinct message_id) as n from fixture_effect')).toBe(4000),
      {
        timeoutMs: 120_000,
      },
    );
    expect(await count(service, 'select count(*) as n from fixture_effect')).toBe(4000);
    const ids = await messageIdsOn(`${topicPrefix}${FixtureEventContract.topic}`, 4000);
    expect(ids).toHaveLength(4000);
    expect(new Set(ids).size).toBe(4000);
    const perInstance = await service.query<{ instance: string; n: string }>(
      'select instance, count(*) as n from fixture_effect group by instance',
    );
    expect(perInstance.length).toBeGreaterThanOrEqual(2);
  }, 240_000);

  it('(d) sends poison to the dead-letter topic with its reasons while the partition keeps flowing', async () => {
    const topicPrefix = prefix();
    const service = await fixture(topicPrefix, 'bb_d');
    await service.start({ FIXTURE_INSTANCE: 'd' });
    const topic = `${topicPrefix}${FixtureEventContract.topic}`;
    const key = 'POISON-KEY'; // one key: one partition, so the good messages come after the poison
    const good = (seq: number) => ({
      key,
      value: JSON.stringify({ key, seq, sentAt: new Date().toISOString() }),
      headers: fixtureHeaders(),
    });
    const p = await producer();
    await p.send({
      topic,
      messages: [
        good(1),
        { key, value: 'this is not json', headers: fixtureHeaders() },
        {
          key,
          value: JSON.stringify({ key, seq: 'two', sentAt: 'yesterday', extra: 1 }),
          headers: fixtureHeaders(),
        },
        { ...good(3), headers: fixtureHeaders({ [Header.Version]: '9' }) },
        {
          key,
          value: JSON.stringify({ key, seq: 4, sentAt: new Date().toISOString() }),
          headers: { [Header.Type]: FixtureEventContract.type },
        },
        good(5),
        {
          key,
          value: JSON.stringify({ key, seq: 6, sentAt: new Date().toISOString(), failTimes: 99 }),
          headers: fixtureHeaders(),
        },
        {
          key,
          value: JSON.stringify({ key, seq: 7, sentAt: new Date().toISOString(), failTimes: 2 }),
          headers: fixtureHeaders(),
        },
        good(8),
      ],
    });

    await expectEventually(
      async () => expect(await count(service, 'select count(*) as n from fixture_effect')).toBe(4),
      { timeoutMs: 60_000 },
    );
    const applied = (await service.query<{ seq: number }>('select seq from fixture_effect order by id')).map(
      (r) => r.seq,
    );
    expect(applied).toEqual([1, 5, 7, 8]);

    const letters = await readDeadLetters(kafka, `${topic}.dlq`);
    expect(letters).toHaveLength(5);
    for (const letter of letters) {
      expect(letter.key).toBe(key);
      expect(letter.headers[DeadLetterHeader.OriginalTopic]).toBe(topic);
      expect(letter.headers[DeadLetterHeader.OriginalOffset]).toMatch(/^\d+$/);
      expect(letter.headers[DeadLetterHeader.FailedAt]).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const reasons = letters.map((l) => [
      l.headers[DeadLetterHeader.ErrorKind],
      l.headers[DeadLetterHeader.ErrorMessage],
    ]);
    expect(reasons).toEqual([
      ['poison', 'value is not JSON'],
      ['poison', 'value fails validation'],
      ['poison', expect.stringContaining('unknown version "9"')],
      ['poison', expect.stringContaining('message-id missing')],
      ['handler-failed', 'fixture failure 5 of 99'],
    ]);
    const invalid = JSON.parse(letters[1].headers[DeadLetterHeader.ErrorReasons]) as Array<{ field: string }>;
    expect(invalid.map((r) => r.field).sort()).toEqual(['extra', 'sentAt', 'seq']);
    expect(letters[4].headers[DeadLetterHeader.ErrorAttempts]).toBe('5');
  }, 120_000);

  it('applies a chunk with a batch handler and isolates the one event that keeps failing', async () => {
    const topicPrefix = prefix();
    const service = await fixture(topicPrefix, 'bb_batch');
    await service.start({ FIXTURE_INSTANCE: 'b', FIXTURE_HANDLER: 'batch' });
    const topic = `${topicPrefix}${FixtureEventContract.topic}`;
    const key = 'BATCH-KEY';
    const event = (seq: number, extra: object = {}) => ({
      key,
      value: JSON.stringify({ key, seq, sentAt: new Date().toISOString(), ...extra }),
      headers: fixtureHeaders(),
    });
    const p = await producer();
    await p.send({ topic, messages: [event(1), event(2), event(3, { failTimes: 99 }), event(4), event(5)] });

    await expectEventually(
      async () => expect(await count(service, 'select count(*) as n from fixture_effect')).toBe(4),
      {
        timeoutMs: 60_000,
      },
    );
    const applied = (await service.query<{ seq: number }>('select seq from fixture_effect order by id')).map(
      (r) => r.seq,
    );
    expect(applied).toEqual([1, 2, 4, 5]);
    const letters = await readDeadLetters(kafka, `${topic}.dlq`);
    expect(letters.map((l) => l.headers[DeadLetterHeader.ErrorKind])).toEqual(['handler-failed']);
  }, 120_000);

  it('replays a dead letter with the operator command once its cause is fixed', async () => {
    const topicPrefix = prefix();
    const service = await fixture(topicPrefix, 'bb_r');
    await service.start({ FIXTURE_INSTANCE: 'r' });
    await service.query(`update fixture_switch set "on" = false where name = 'handler'`);
    const topic = `${topicPrefix}${FixtureEventContract.topic}`;
    const p = await producer();
    await p.send({
      topic,
      messages: [
        {
          key: 'R1',
          value: JSON.stringify({ key: 'R1', seq: 1, sentAt: new Date().toISOString(), requireSwitch: true }),
          headers: fixtureHeaders(),
        },
      ],
    });
    await expectEventually(async () => expect(await readDeadLetters(kafka, `${topic}.dlq`)).toHaveLength(1), {
      timeoutMs: 60_000,
    });

    await service.query(`update fixture_switch set "on" = true where name = 'handler'`);
    const run = promisify(execFile);
    const env = { ...process.env, KAFKA_TOPIC_PREFIX: topicPrefix };
    // As operators run it: npm run dlq -- … (tools/runtime/run-tool.sh with the built tool).
    const cli = [path.join(repoRoot(), 'tools/runtime/run-tool.sh'), 'dist/tools/dlq/dlq.js'];
    const listed = await run('bash', [...cli, 'list', FixtureEventContract.topic], { env });
    expect(listed.stdout).toMatch(/1 dead letter\(s\)/);
    expect(listed.stdout).toMatch(/handler-failed\s+fixture switch is off/);
    const replayed = await run('bash', [...cli, 'replay', FixtureEventContract.topic, '--all'], { env });
    expect(replayed.stdout).toMatch(/replayed 1 dead letter/);

    await expectEventually(
      async () => expect(await count(service, 'select count(*) as n from fixture_effect')).toBe(1),
      { timeoutMs: 60_000 },
    );
  }, 150_000);
});
