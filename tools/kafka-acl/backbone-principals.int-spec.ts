import { randomBytes } from 'node:crypto';
import { Topics } from '@qis/contracts';
import { kafkaConnection } from '@qis/messaging';
import {
  createTestDatabase,
  expectEventually,
  freePort,
  harnessLogin,
  spawnService,
  TestIssuer,
  uniqueName,
  waitForReady,
  type ServiceProcess,
} from '@qis/testing';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  ResourcePatternTypes,
  type Consumer,
  type KafkaConfig,
} from 'kafkajs';
import { provisionPrincipals, removePrincipals } from './provision';

/**
 * The backbone's principals on the real broker, provisioned by the same step as the local stack
 * (tools/kafka-acl) from the same derivation as the Strimzi KafkaUsers (tools/kafka-acl/kafka-plan.ts),
 * under this file's own prefix (users, topics, groups) so the shared broker is left as it was; the
 * harness provisions as the admin principal on the SASL listener (KAFKA_BROKERS), as infra.sh does.
 */
const saslBrokers = (process.env['KAFKA_BROKERS'] as string).split(',');
const plaintextBrokers = (process.env['KAFKA_PLAINTEXT_BROKERS'] ?? '127.0.0.1:19092').split(',');
const login = harnessLogin()!;
const prefix = `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}${uniqueName('acl').replace(/_/g, '-')}.`;
const STAGES = ['planning', 'lab-gateway', 'enforcement'];
const users = STAGES.map((s) => `${prefix}qis-${s}`);
const passwords = new Map(users.map((u) => [u, randomBytes(18).toString('base64url')] as const));
const provisionOptions = {
  brokers: saslBrokers,
  login,
  passwords,
  prefix,
  only: (user: string) => users.includes(user),
  topicSettings: { partitions: 1, replicationFactor: 1 },
};

const as = (stage: string, extra: Partial<KafkaConfig> = {}): Kafka =>
  new Kafka({
    clientId: `acl-test-${stage}`,
    brokers: saslBrokers,
    // The services' mechanism; the principals have a SCRAM-SHA-256 credential too.
    sasl: {
      mechanism: 'scram-sha-512',
      username: `${prefix}qis-${stage}`,
      password: passwords.get(`${prefix}qis-${stage}`)!,
    },
    logLevel: logLevel.NOTHING,
    retry: { retries: 1, initialRetryTime: 100 },
    ...extra,
  });

/** The Kafka error types of an error and the errors it wraps. */
const errorTypes = (error: unknown): string[] => {
  const e = error as
    { type?: string; originalError?: unknown; errors?: unknown[]; cause?: unknown } | undefined;
  if (!e || typeof e !== 'object') return [];
  return [
    ...(e.type ? [e.type] : []),
    ...errorTypes(e.originalError),
    ...errorTypes(e.cause),
    ...(Array.isArray(e.errors) ? e.errors.flatMap(errorTypes) : []),
  ];
};

const refusal = async (attempt: Promise<unknown>): Promise<string[]> => {
  try {
    await attempt;
  } catch (error) {
    return errorTypes(error);
  }
  return ['NOT REFUSED'];
};

const send = async (stage: string, topic: string): Promise<void> => {
  const producer = as(stage).producer({ allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({
      topic: `${prefix}${topic}`,
      messages: [{ key: 'HZ2026-000001', value: JSON.stringify({ forged: stage }) }],
    });
  } finally {
    await producer.disconnect();
  }
};

const consumers: Consumer[] = [];

beforeAll(async () => {
  await provisionPrincipals(provisionOptions);
}, 240_000);

afterAll(async () => {
  await Promise.all(consumers.map((c) => c.disconnect().catch(() => undefined)));
  await removePrincipals({ brokers: saslBrokers, login }, users);
}, 240_000);

describe('each service its own Kafka principal, with the ACLs derived from the contracts', () => {
  it('lets a stage write the topic it owns and refuses it another stage’s topic (TOPIC_AUTHORIZATION_FAILED)', async () => {
    await expect(send('planning', Topics.BatchIssued)).resolves.toBeUndefined();
    expect(await refusal(send('planning', Topics.ParcelReceived))).toContain('TOPIC_AUTHORIZATION_FAILED');
  }, 60_000);

  it('refuses a forged lab.report-issued from a non-lab principal and takes it from the lab gateway', async () => {
    expect(Topics.ReportIssued).toBe('lab.report-issued.v1');
    expect(await refusal(send('enforcement', Topics.ReportIssued))).toContain('TOPIC_AUTHORIZATION_FAILED');
    expect(await refusal(send('planning', Topics.ReportIssued))).toContain('TOPIC_AUTHORIZATION_FAILED');
    await expect(send('lab-gateway', Topics.ReportIssued)).resolves.toBeUndefined();
  }, 60_000);

  it('lets a stage read what it consumes in its own group and refuses another stage’s group', async () => {
    const topic = `${prefix}${Topics.ReportIssued}`;
    // kafkajs reports a refused coordinator lookup only as "Failed to find group coordinator"; the
    // broker's answer is in its debug log.
    const answers: string[] = [];
    const foreign = as('enforcement', {
      logLevel: logLevel.DEBUG,
      logCreator: () => (entry) => answers.push(...errorTypes(entry.log['error'])),
    }).consumer({ groupId: `${prefix}qis-planning` });
    expect([...(await refusedRun(foreign, topic)), ...answers]).toContain('GROUP_AUTHORIZATION_FAILED');

    const own = as('enforcement').consumer({ groupId: `${prefix}qis-enforcement` });
    consumers.push(own);
    const read: string[] = [];
    await own.connect();
    await own.subscribe({ topics: [topic], fromBeginning: true });
    await own.run({ eachMessage: async ({ message }) => void read.push(String(message.value)) });
    await expectRead(read, JSON.stringify({ forged: 'lab-gateway' }));
  }, 90_000);

  it('refuses a stage a topic it does not consume, even in its own group', async () => {
    const consumer = as('planning').consumer({ groupId: `${prefix}qis-planning` });
    expect(await refusedRun(consumer, `${prefix}${Topics.ReportIssued}`)).toContain(
      'TOPIC_AUTHORIZATION_FAILED',
    );
  }, 60_000);

  it('runs services as their own principals over SASL: topics checked, consumer joined, outbox relayed', async () => {
    const started: ServiceProcess[] = [];
    const databases: Array<{ drop(): Promise<void> }> = [];
    try {
      for (const stage of ['planning', 'lab-gateway']) {
        const db = await createTestDatabase(`acl_${stage}`);
        databases.push(db);
        const service = spawnService(stage, {
          KAFKA_BROKERS: saslBrokers.join(','),
          KAFKA_TOPIC_PREFIX: prefix,
          KAFKA_TOPIC_PARTITIONS: '1',
          LOG_LEVEL: 'warn',
          KAFKA_SASL_MECHANISM: 'scram-sha-512',
          KAFKA_SASL_USERNAME: `${prefix}qis-${stage}`,
          KAFKA_SASL_PASSWORD: passwords.get(`${prefix}qis-${stage}`)!,
          DB_NAME: db.name,
          HTTP_PORT: String(await freePort()),
        });
        started.push(service);
      }
      // Ready: its admin client listed the topics, its consumer joined its own group, the probe connected.
      for (const service of started)
        await waitForReady(service, 120_000).catch((e: unknown) => {
          process.stderr.write(
            service
              .output()
              .split('\n')
              .filter((l) => !l.includes('Health Check'))
              .join('\n')
              .slice(-6000),
          );
          throw e;
        });
      const [planning, lab] = started;
      const admin = await TestIssuer.shared().headers({ roles: ['admin'] });
      const sent = await fetch(`${planning.url}/ops/probes`, { method: 'POST', headers: admin });
      expect(sent.status).toBe(202);
      const { probeId } = (await sent.json()) as { probeId: string };
      // Relayed by planning's producer, consumed by the lab gateway's consumer: each as itself.
      await expectEventually(
        async () =>
          expect((await fetch(`${lab.url}/ops/probes/${probeId}`, { headers: admin })).status).toBe(200),
        { timeoutMs: 60_000 },
      );
      for (const service of started)
        expect(service.output()).not.toContain(passwords.get(`${prefix}qis-${service.name}`));
    } finally {
      await Promise.all(started.map((s) => s.stop()));
      await Promise.all(databases.map((d) => d.drop()));
    }
  }, 300_000);

  it('gives a client without credentials nothing: refused on the SASL listener, no rights on the PLAINTEXT one', async () => {
    const anonymous = (brokers: string[]) =>
      new Kafka({
        clientId: 'acl-test-anonymous',
        brokers,
        logLevel: logLevel.NOTHING,
        retry: { retries: 1, initialRetryTime: 100 },
        connectionTimeout: 3_000,
      });
    const produce = async (brokers: string[], topic: string) => {
      const producer = anonymous(brokers).producer({ allowAutoTopicCreation: false });
      await producer.connect();
      try {
        await producer.send({ topic, messages: [{ key: 'HZ2026-000001', value: '{"forged":"anonymous"}' }] });
      } finally {
        await producer.disconnect();
      }
    };
    // A service topic of this file, and the shared stack's own lab.report-issued.v1.
    for (const topic of [`${prefix}${Topics.ReportIssued}`, Topics.ReportIssued])
      expect(await refusal(produce(plaintextBrokers, topic))).toContain('TOPIC_AUTHORIZATION_FAILED');
    const admin = anonymous(plaintextBrokers).admin();
    await admin.connect();
    try {
      expect(await admin.listTopics()).toEqual([]);
      expect(await refusal(admin.createTopics({ topics: [{ topic: `${prefix}anonymous.v1` }] }))).toContain(
        'TOPIC_AUTHORIZATION_FAILED',
      );
    } finally {
      await admin.disconnect();
    }
    expect(await refusal(produce(saslBrokers, `${prefix}${Topics.ReportIssued}`))).not.toEqual([
      'NOT REFUSED',
    ]);
  }, 60_000);

  it('provisions again without change, and takes back an ACL granted by hand', async () => {
    const admin = new Kafka({
      ...kafkaConnection(),
      clientId: 'acl-test-admin',
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      await admin.createAcls({
        acl: [
          {
            principal: `User:${prefix}qis-planning`,
            host: '*',
            resourceType: AclResourceTypes.TOPIC,
            resourceName: `${prefix}${Topics.ReportIssued}`,
            resourcePatternType: ResourcePatternTypes.LITERAL,
            operation: AclOperationTypes.WRITE,
            permissionType: AclPermissionTypes.ALLOW,
          },
        ],
      });
    } finally {
      await admin.disconnect();
    }
    const lines: string[] = [];
    await provisionPrincipals({ ...provisionOptions, log: (l) => lines.push(l) });
    expect(lines).toEqual([`${prefix}qis-planning: 0 ACLs added, 1 removed`]);
    expect(await refusal(send('planning', Topics.ReportIssued))).toContain('TOPIC_AUTHORIZATION_FAILED');
  }, 120_000);
});

/**
 * Runs a consumer on a topic until the broker stops it: the Kafka error types of the crash, or
 * `NOT REFUSED` when it keeps running for 20 s.
 */
async function refusedRun(consumer: Consumer, topic: string): Promise<string[]> {
  consumers.push(consumer);
  const crashed = new Promise<string[]>((resolve) => {
    const timer = setTimeout(() => resolve(['NOT REFUSED']), 20_000);
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      clearTimeout(timer);
      const e = payload.error as Error & { originalError?: Error };
      process.stderr.write(
        `CRASH ${e.name}: ${e.message} / ${e.originalError?.name}: ${e.originalError?.message}\n`,
      );
      resolve(errorTypes(payload.error));
    });
  });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async () => undefined });
  } catch (error) {
    return errorTypes(error);
  }
  return crashed;
}

async function expectRead(read: string[], value: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!read.includes(value)) {
    if (Date.now() > deadline) throw new Error(`never read ${value}; read ${JSON.stringify(read)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
