import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  OrderPlaced,
  ResultFinal,
  ResultNotified,
  TakedownReported,
  type TakedownReportedValue,
} from '@qis/contracts';
import { kafkaConnection, prefixedTopic, type EventContract } from '@qis/messaging';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  repoRoot,
  sendEvents,
  spawnService,
  TestIssuer,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';

/**
 * The runnable platform consumer of docs/platforms.md (examples/platform-consumer), run as a
 * platform runs it — its own process, the platform's SCRAM credential, the SASL listener — against
 * the real disclosure service: it receives the notice and the final result of a batch bought on the
 * platform, once each, and its takedown report reaches enforcement's topic.
 */
describe('the platform consumer example', () => {
  const saslBrokers = process.env['KAFKA_SASL_BROKERS'] ?? '127.0.0.1:19094';
  const internal = new Kafka({ ...kafkaConnection(), clientId: 'example-test', logLevel: logLevel.NOTHING });
  const platform = `ex-${randomBytes(4).toString('hex')}`;
  let disclosure: ServiceProcess;
  let url: string;
  let producer: Producer;
  let consumer: ChildProcess | undefined;
  let dropDatabase: () => Promise<void>;
  const admin = () => TestIssuer.shared().headers({ roles: ['admin'], sub: 'example-admin' });

  beforeAll(async () => {
    const db = await createTestDatabase('disclosure');
    dropDatabase = () => db.drop();
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    disclosure = spawnService('disclosure', { DB_NAME: db.name, HTTP_PORT: String(port), LOG_LEVEL: 'warn' });
    await waitForReady(disclosure, 120_000);
    producer = internal.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  }, 180_000);

  afterAll(async () => {
    consumer?.kill('SIGTERM');
    await fetch(`${url}/feeds/platforms/${platform}`, { method: 'DELETE', headers: await admin() }).catch(
      () => undefined,
    );
    await producer?.disconnect();
    await disclosure?.stop();
    await dropDatabase?.();
  }, 60_000);

  const emit = <V extends object>(contract: EventContract<V>, key: string, value: V) =>
    sendEvents(producer, contract, [{ key, value }], 'example-test');

  it('receives each item of its feed once and its takedown report reaches enforcement', async () => {
    const registered = await fetch(`${url}/feeds/platforms`, {
      method: 'POST',
      headers: { ...(await admin()), 'content-type': 'application/json' },
      body: JSON.stringify({ code: platform, name: '示例平台' }),
    });
    expect(registered.status).toBe(201);
    const credential = (await registered.json()) as {
      username: string;
      password: string;
      consumerGroupPrefix: string;
    };

    const lines: string[] = [];
    consumer = spawn(
      process.execPath,
      [path.join(repoRoot(), 'dist/examples/platform-consumer/platform-consumer.js')],
      {
        env: {
          PATH: process.env['PATH'],
          QIS_FEED_BROKERS: saslBrokers,
          QIS_PLATFORM: platform,
          QIS_FEED_USERNAME: credential.username,
          QIS_FEED_PASSWORD: credential.password,
          QIS_FEED_GROUP_PREFIX: credential.consumerGroupPrefix,
          QIS_TOPIC_PREFIX: process.env['KAFKA_TOPIC_PREFIX'] ?? '',
          QIS_TAKEDOWN: 'true',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    consumer.stdout?.on('data', (chunk: Buffer) =>
      lines.push(...chunk.toString().split('\n').filter(Boolean)),
    );
    consumer.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

    const batch = `HZ2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
    const facts = { ...OrderPlaced.example.value.platform!, code: platform };
    await emit(OrderPlaced, batch, { ...OrderPlaced.example.value, batchNumber: batch, platform: facts });
    await emit(ResultNotified, batch, { ...ResultNotified.example.value, batchNumber: batch });
    await emit(ResultFinal, batch, { ...ResultFinal.example.value, batchNumber: batch, platform: facts });

    await expectEventually(
      () =>
        expect({ items: lines.length, failed: stderr.includes('failed') }).toEqual({
          items: 2,
          failed: false,
        }),
      {
        timeoutMs: 60_000,
      },
    );
    const items = lines.map(
      (line) => JSON.parse(line) as { kind: string; batchNumber: string; verdict: string },
    );
    expect(items.map((i) => [i.kind, i.batchNumber]).sort()).toEqual([
      ['final-result', batch],
      ['result-notice', batch],
    ]);

    // The example reported the failed final result's takedown: disclosure forwards it to enforcement.
    const forwarded: TakedownReportedValue[] = [];
    const reader = internal.consumer({ groupId: `example-reader-${platform}` });
    await reader.connect();
    try {
      await reader.subscribe({ topics: [prefixedTopic(TakedownReported.topic)], fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          const value = JSON.parse(String(message.value)) as TakedownReportedValue;
          if (value.batchNumber === batch) forwarded.push(value);
        },
      });
      await expectEventually(() => expect(forwarded).toHaveLength(1), { timeoutMs: 60_000 });
    } finally {
      await reader.disconnect();
    }
    expect(forwarded[0]).toMatchObject({ batchNumber: batch, platform, action: 'listing-removed' });
  }, 180_000);
});
