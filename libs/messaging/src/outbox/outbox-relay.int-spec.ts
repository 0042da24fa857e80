import { randomUUID } from 'node:crypto';
import {
  createTestDatabase,
  expectEventually,
  pgServerFromEnv,
  testDataSource,
  uniqueName,
} from '@qis/testing';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { kafkaConnection } from '../kafka-options';
import { messagingMigrations } from '../messaging-migrations';
import { OutboxRelay } from './outbox-relay';

/** The relay on the real database and broker. */
const kafka = new Kafka({
  clientId: 'outbox-relay-test',
  ...kafkaConnection(),
  logLevel: logLevel.NOTHING,
});

/** A database of its own with the outbox, and a topic of its own, for one describe block. */
function relayTestBed(name: string, topic: string) {
  const bed = {
    prefix: `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${uniqueName(name).replace(/_/g, '-')}.`,
    db: undefined as unknown as Awaited<ReturnType<typeof createTestDatabase>>,
    clients: [] as Client[],
    relay: undefined as OutboxRelay | undefined,
    /** A session of its own on the bed's database, closed after the block. */
    connect: async (): Promise<Client> => {
      const client = new Client({ ...pgServerFromEnv(), database: bed.db.name });
      await client.connect();
      bed.clients.push(client);
      return client;
    },
    insert: (client: Client, key: string, payload: string) =>
      client.query(
        `insert into outbox (message_id, topic, message_key, payload, headers) values ($1, $2, $3, $4, '{}')`,
        [randomUUID(), topic, key, payload],
      ),
  };
  beforeAll(async () => {
    bed.db = await createTestDatabase(`outbox_${name}`);
    const source = testDataSource(bed.db.name, messagingMigrations);
    await source.initialize();
    await source.runMigrations();
    await source.destroy();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: `${bed.prefix}${topic}`, numPartitions: 1 }],
      waitForLeaders: true,
    });
    await admin.disconnect();
  });
  afterAll(async () => {
    await bed.relay?.stop();
    await Promise.all(bed.clients.map((c) => c.end()));
    await bed.db?.drop();
  });
  return bed;
}

/**
 * Events committed one by one while the relay is busy go out in a few batches, in order, and the
 * first event after a quiet spell is not held back.
 */
describe('OutboxRelay', () => {
  const topic = 'test.relayed.v1';
  const bed = relayTestBed('relay', topic);
  let pg: Client;
  /** How many batches the relay handed to Kafka (its producer, observed, not replaced). */
  let batches = 0;

  beforeAll(async () => {
    pg = await bed.connect();
  });

  const insert = (key: string, payload: string) => bed.insert(pg, key, payload);

  /** Until the relay has marked every row sent. */
  const allSent = () =>
    expectEventually(
      async () => {
        const { rows } = await pg.query<{ n: string }>(
          'select count(*) as n from outbox where sent_at is null',
        );
        expect(Number(rows[0].n)).toBe(0);
      },
      { timeoutMs: 20_000 },
    );

  it('sends a burst committed event by event in a few batches, in order, the first at once', async () => {
    const observed = {
      ...kafka,
      producer: (config?: Parameters<Kafka['producer']>[0]) => {
        const producer = kafka.producer(config);
        const sendBatch = producer.sendBatch.bind(producer);
        producer.sendBatch = (batch) => {
          batches += 1;
          return sendBatch(batch);
        };
        return producer;
      },
    } as Kafka;
    const relay = new OutboxRelay({
      pg: { ...pgServerFromEnv(), database: bed.db.name },
      kafka: observed,
      topicPrefix: bed.prefix,
      // A long idle poll: the first event can only go this fast on the insert's notification.
      idleMs: 5_000,
      lingerMs: 50,
    });
    bed.relay = relay;
    relay.start();
    await expectEventually(() => expect(relay.isLeader).toBe(true), { timeoutMs: 20_000 });

    // A quiet outbox, then one event: the notification sends it at once (the poll would take 5 s).
    const first = Date.now();
    await insert('k', 'event-0');
    await allSent();
    const firstSentWithin = Date.now() - first;

    // Then 60 events, each in its own transaction, 2 ms apart (about 150 ms in all).
    const before = batches;
    for (let i = 1; i <= 60; i++) {
      await insert('k', `event-${i}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await allSent();

    expect(firstSentWithin).toBeLessThan(1_000);
    // One round trip per event would be 60 batches; a 50 ms linger over ~150 ms makes a handful.
    expect(batches - before).toBeGreaterThanOrEqual(2);
    expect(batches - before).toBeLessThanOrEqual(15);

    const consumer = kafka.consumer({ groupId: `${bed.prefix}reader` });
    await consumer.connect();
    await consumer.subscribe({ topic: `${bed.prefix}${topic}`, fromBeginning: true });
    const seen: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) });
    await expectEventually(() => expect(seen).toHaveLength(61), { timeoutMs: 30_000 });
    await consumer.disconnect();
    expect(seen).toEqual(Array.from({ length: 61 }, (_, i) => `event-${i}`));
  }, 90_000);
});

/**
 * Writers notify only a sleeping relay. Asleep, the relay is woken by the insert's notification;
 * awake, it reads the outbox on its own, and a transaction that inserted while it was awake keeps
 * it from falling asleep until that transaction ends, so its rows go without a notification. The
 * fallback poll here is a minute: only a lost wake-up would wait for it.
 */
describe('OutboxRelay asleep and awake', () => {
  const bed = relayTestBed('asleep', 'test.asleep.v1');

  it('is woken by a notification asleep, and never falls asleep past an open writer', async () => {
    const pg = await bed.connect();
    const listener = await bed.connect();
    let notifications = 0;
    listener.on('notification', () => notifications++);
    await listener.query('listen outbox');
    const unsent = async () =>
      Number(
        (await pg.query<{ n: string }>('select count(*) as n from outbox where sent_at is null')).rows[0].n,
      );
    // Asleep: the relay holds the lock exclusively, so a writer cannot take it shared.
    const asleep = async () => {
      await pg.query('begin');
      try {
        const { rows } = await pg.query<{ free: boolean }>(
          `select pg_try_advisory_xact_lock_shared(hashtext(current_database() || '.outbox-relay-asleep')) as free`,
        );
        return !rows[0].free;
      } finally {
        await pg.query('rollback');
      }
    };

    const relay = new OutboxRelay({
      pg: { ...pgServerFromEnv(), database: bed.db.name },
      kafka,
      topicPrefix: bed.prefix,
      idleMs: 60_000,
      lingerMs: 5,
      stayAwakeMs: 2_000,
    });
    bed.relay = relay;
    relay.start();
    await expectEventually(async () => expect(await asleep()).toBe(true));

    // Asleep: the insert notifies, and the relay sends it at once.
    await bed.insert(pg, 'k', 'event-0');
    await expectEventually(async () => expect(await unsent()).toBe(0), { timeoutMs: 10_000 });
    await expectEventually(() => expect(notifications).toBe(1));

    // Awake (within stayAwakeMs of event-0): a transaction inserts without notifying and stays
    // open past stayAwakeMs; the relay cannot fall asleep before it ends, and relays its row after
    // the commit without a notification (else it would wait for the minute's poll).
    const writer = await bed.connect();
    await writer.query('begin');
    await bed.insert(writer, 'k', 'event-1');
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await unsent()).toBe(0);
    const committed = Date.now();
    await writer.query('commit');
    await expectEventually(async () => expect(await unsent()).toBe(0), { timeoutMs: 10_000 });
    expect(Date.now() - committed).toBeLessThan(10_000);
    expect(notifications).toBe(1);

    // Quiet again: after stayAwakeMs it sleeps, and the next insert notifies.
    await expectEventually(async () => expect(await asleep()).toBe(true), { timeoutMs: 10_000 });
    await bed.insert(pg, 'k', 'event-2');
    await expectEventually(async () => expect(await unsent()).toBe(0), { timeoutMs: 10_000 });
    await expectEventually(() => expect(notifications).toBe(2));
  }, 90_000);
});
