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

/**
 * The relay on the real database and broker: events committed one by one while it is busy go out
 * in a few batches, in order, and the first event after a quiet spell is not held back.
 */
const kafka = new Kafka({
  clientId: 'outbox-relay-test',
  ...kafkaConnection(),
  logLevel: logLevel.NOTHING,
});

describe('OutboxRelay', () => {
  const prefix = `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${uniqueName('relay').replace(/_/g, '-')}.`;
  const topic = 'test.relayed.v1';
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let pg: Client;
  let relay: OutboxRelay | undefined;
  /** How many batches the relay handed to Kafka (its producer, observed, not replaced). */
  let batches = 0;

  beforeAll(async () => {
    db = await createTestDatabase('outbox_relay');
    const source = testDataSource(db.name, messagingMigrations);
    await source.initialize();
    await source.runMigrations();
    await source.destroy();
    pg = new Client({ ...pgServerFromEnv(), database: db.name });
    await pg.connect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: `${prefix}${topic}`, numPartitions: 1 }],
      waitForLeaders: true,
    });
    await admin.disconnect();
  });

  afterAll(async () => {
    await relay?.stop();
    await pg?.end();
    await db?.drop();
  });

  const insert = (key: string, payload: string) =>
    pg.query(
      `insert into outbox (message_id, topic, message_key, payload, headers) values ($1, $2, $3, $4, '{}')`,
      [randomUUID(), topic, key, payload],
    );

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
    relay = new OutboxRelay({
      pg: { ...pgServerFromEnv(), database: db.name },
      kafka: observed,
      topicPrefix: prefix,
      // A long idle poll: the first event can only go this fast on the insert's notification.
      idleMs: 5_000,
      lingerMs: 50,
    });
    relay.start();
    await expectEventually(() => expect(relay?.isLeader).toBe(true), { timeoutMs: 20_000 });

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

    const consumer = kafka.consumer({ groupId: `${prefix}reader` });
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}${topic}`, fromBeginning: true });
    const seen: string[] = [];
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(String(message.value)) });
    await expectEventually(() => expect(seen).toHaveLength(61), { timeoutMs: 30_000 });
    await consumer.disconnect();
    expect(seen).toEqual(Array.from({ length: 61 }, (_, i) => `event-${i}`));
  }, 90_000);
});
