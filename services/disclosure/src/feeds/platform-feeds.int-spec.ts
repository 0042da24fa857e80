import { randomBytes, randomUUID } from 'node:crypto';
import {
  OrderPlaced,
  PlatformFeedTopics,
  ResultFinal,
  ResultNotified,
  TakedownReported,
  type PlatformFeedItemValue,
  type TakedownReportedValue,
} from '@qis/contracts';
import { Header, kafkaConnection, prefixedTopic, type EventContract } from '@qis/messaging';
import {
  expectEventually,
  sendEvents,
  servicePrincipalEnv,
  startTestService,
  type TestService,
} from '@qis/testing';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  Partitioners,
  ResourcePatternTypes,
  type Consumer,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import { DataSource } from 'typeorm';
import type { DisclosureConfig } from '../disclosure.config';
import { disclosureService } from '../disclosure.definition';
import type { FeedDeliveryView } from './feed-delivery.view';
import type { FeedPlatformView } from './feed-platform.view';

const saslBrokers = (process.env['KAFKA_SASL_BROKERS'] ?? '127.0.0.1:19094').split(',');
const code = (label: string): string => `${label}-${randomBytes(4).toString('hex')}`;
const admin = { roles: ['admin'] } as const;

/** Fields a platform's feed item may carry: what it needs to act, never a buyer or an address. */
const FEED_FIELDS = new Set([
  'kind',
  'batchNumber',
  'listingId',
  'listingUrl',
  'sellerName',
  'shopName',
  'verdict',
  'reportNumber',
  'orderNumber',
  'noticeNumber',
  'objectionDeadline',
  'publicNotice',
  'basis',
  'sampleName',
  'claimedBrand',
  'claimedProducer',
  'specModel',
  'productionDate',
  'mainNonconformingItems',
  'occurredAt',
]);

/** A client of the SASL/SCRAM listener with a platform's credential, as the platform runs it. */
const platformKafka = (p: FeedPlatformView, clientId = 'platform-test'): Kafka =>
  new Kafka({
    clientId,
    brokers: saslBrokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 1, initialRetryTime: 100 },
    sasl: { mechanism: 'scram-sha-256', username: p.username, password: p.password as string },
  });

const errorType = (error: unknown): string | undefined => {
  const e = error as
    { type?: string; cause?: { type?: string }; originalError?: { type?: string } } | undefined;
  return e?.type ?? e?.cause?.type ?? e?.originalError?.type;
};

describe('platform feeds on the SASL/SCRAM listener', () => {
  let disclosure: TestService<DisclosureConfig>;
  const internal = new Kafka({
    ...kafkaConnection(),
    clientId: 'feeds-int-test',
    logLevel: logLevel.NOTHING,
  });
  let producer: Producer;
  const closers: Array<() => Promise<void>> = [];
  const registered: string[] = [];

  const call = async <T>(method: string, path: string, claims: object, body?: unknown) => {
    const res = await fetch(`${disclosure.url}${path}`, {
      method,
      headers: { ...(await disclosure.auth(claims as never)), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };

  const register = async (label: string): Promise<FeedPlatformView> => {
    const res = await call<FeedPlatformView>('POST', '/feeds/platforms', admin, {
      code: code(label),
      name: `平台${label}`,
    });
    expect(res.status).toBe(201);
    registered.push(res.body.code);
    return res.body;
  };

  const emit = async <V extends object>(contract: EventContract<V>, key: string, value: V) => {
    await sendEvents(producer, contract, [{ key, value }], 'feeds-int-test');
  };

  /** Reads a topic from the beginning with the given client into a list. */
  const collect = async (kafka: Kafka, topic: string, groupId: string): Promise<KafkaMessage[]> => {
    const seen: KafkaMessage[] = [];
    const consumer: Consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    closers.push(() => consumer.disconnect());
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
    return seen;
  };

  beforeAll(async () => {
    // Disclosure as its own principal (the ACLs derived for qis-disclosure, in its own group), not
    // the harness's: registering a platform's user and ACLs needs no super user.
    disclosure = await startTestService(disclosureService, {
      ...servicePrincipalEnv('disclosure', process.env, {}),
      KAFKA_CONSUMER_GROUP: `${process.env['KAFKA_TOPIC_PREFIX'] ?? ''}qis-disclosure`,
    });
    producer = internal.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    for (const close of closers.reverse()) await close().catch(() => undefined);
    await producer?.disconnect();
    // The broker keeps users and ACLs beyond the test's topics: remove them.
    const { FeedBroker } = await import('./feed-broker');
    for (const platform of registered) await disclosure.app.get(FeedBroker).retire(platform);
    await disclosure?.stop();
  }, 60_000);

  it('registers a platform once, hands out its password once, and lets only an admin do it', async () => {
    const platform = await register('reg');
    expect(platform).toEqual(
      expect.objectContaining({
        securityProtocol: 'SASL_PLAINTEXT',
        saslMechanism: 'SCRAM-SHA-256',
        resultsTopic: prefixedTopic(PlatformFeedTopics.results(platform.code)),
        takedownsTopic: prefixedTopic(PlatformFeedTopics.takedowns(platform.code)),
        password: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      }),
    );
    const again = await call<{ message: string }>('POST', '/feeds/platforms', admin, {
      code: platform.code,
      name: 'again',
    });
    expect(again.status).toBe(409);
    const bad = await call<{ errors: Array<{ field: string }> }>('POST', '/feeds/platforms', admin, {
      code: 'Not A Code',
      name: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.field).sort()).toEqual(['code', 'name']);
    const officer = await call(
      'POST',
      '/feeds/platforms',
      { roles: ['enforcement-officer'] },
      {
        code: code('nope'),
        name: 'x',
      },
    );
    expect(officer.status).toBe(403);
    const list = await call<FeedPlatformView[]>('GET', '/feeds/platforms', admin);
    const listed = list.body.find((p) => p.code === platform.code);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('password');
    // Exactly three ACLs, all for the platform's own resources.
    const internalAdmin = internal.admin();
    await internalAdmin.connect();
    closers.push(() => internalAdmin.disconnect());
    const acls = await internalAdmin.describeAcls({
      principal: `User:${platform.username}`,
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    const bindings = acls.resources.flatMap((r) =>
      r.acls.map((acl) => [
        r.resourceType,
        r.resourceName,
        r.resourcePatternType,
        acl.operation,
        acl.permissionType,
      ]),
    );
    expect(bindings.sort()).toEqual(
      [
        [
          AclResourceTypes.GROUP,
          platform.consumerGroupPrefix,
          ResourcePatternTypes.PREFIXED,
          AclOperationTypes.READ,
          AclPermissionTypes.ALLOW,
        ],
        [
          AclResourceTypes.TOPIC,
          platform.resultsTopic,
          ResourcePatternTypes.LITERAL,
          AclOperationTypes.READ,
          AclPermissionTypes.ALLOW,
        ],
        [
          AclResourceTypes.TOPIC,
          platform.takedownsTopic,
          ResourcePatternTypes.LITERAL,
          AclOperationTypes.WRITE,
          AclPermissionTypes.ALLOW,
        ],
      ].sort(),
    );
    const audit = await disclosure.app
      .get(DataSource)
      .query(`select action from audit_log where entity_id = $1 order by occurred_at`, [platform.code]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['feed-platform.register']);
    expect((await call('DELETE', '/feeds/platforms/Bad', admin)).status).toBe(400);

    // A rotated password replaces the old one on the broker.
    const rotated = await call<FeedPlatformView>(
      'POST',
      `/feeds/platforms/${platform.code}/credential`,
      admin,
    );
    expect(rotated.status).toBe(200);
    const oldAdmin = platformKafka(platform).admin();
    await expect(oldAdmin.connect()).rejects.toThrow(/authentication failed/i);
    const newAdmin = platformKafka(rotated.body).admin();
    await newAdmin.connect();
    await newAdmin.disconnect();

    // Retired: the credential no longer logs in, and the platform is gone from the list.
    expect((await call('DELETE', `/feeds/platforms/${platform.code}`, admin)).status).toBe(204);
    expect((await call('DELETE', `/feeds/platforms/${platform.code}`, admin)).status).toBe(404);
    await expectEventually(async () => {
      const retired = platformKafka(rotated.body).admin();
      await expect(retired.connect()).rejects.toThrow(/authentication failed/i);
    });
    const after = await call<FeedPlatformView[]>('GET', '/feeds/platforms', admin);
    expect(after.body.some((p) => p.code === platform.code)).toBe(false);
  });

  it("delivers a platform's result notice and final result to its own topic, readable with its credential", async () => {
    const a = await register('pa');
    const batch = `HZ2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
    const platformFacts = { ...OrderPlaced.example.value.platform!, code: a.code };
    // The notice first, before the order: it waits for the order to name the platform.
    await emit(ResultNotified, batch, { ...ResultNotified.example.value, batchNumber: batch });
    await emit(OrderPlaced, batch, {
      ...OrderPlaced.example.value,
      batchNumber: batch,
      platform: platformFacts,
    });
    await emit(ResultFinal, batch, {
      ...ResultFinal.example.value,
      batchNumber: batch,
      platform: platformFacts,
    });
    // A sample bought on the seller's own site goes to no feed.
    const own = `HZ2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
    const { platform: _none, ...ownSite } = OrderPlaced.example.value;
    await emit(OrderPlaced, own, { ...ownSite, batchNumber: own });
    await emit(ResultFinal, own, { ...ResultFinal.example.value, batchNumber: own, platform: undefined });

    const seen = await collect(platformKafka(a), a.resultsTopic, `${a.consumerGroupPrefix}reader`);
    await expectEventually(() => expect(seen).toHaveLength(2), { timeoutMs: 30_000 });
    // The notice and the result come from two topics: no order between them.
    const items = seen
      .map((m) => JSON.parse(String(m.value)) as PlatformFeedItemValue)
      .sort((x, y) => (x.kind === 'result-notice' ? -1 : 1) - (y.kind === 'result-notice' ? -1 : 1));
    expect(items.map((i) => [i.kind, i.batchNumber])).toEqual([
      ['result-notice', batch],
      ['final-result', batch],
    ]);
    expect(items[0]).toEqual(
      expect.objectContaining({
        listingId: OrderPlaced.example.value.listing.platformListingId,
        orderNumber: OrderPlaced.example.value.orderNumber,
        noticeNumber: 'JG2026-000458',
        verdict: 'fail',
      }),
    );
    expect(items[1]).toEqual(
      expect.objectContaining({ mainNonconformingItems: ['蚕丝含量'], basis: 'no-objection' }),
    );
    for (const item of items) for (const field of Object.keys(item)) expect(FEED_FIELDS).toContain(field);
    for (const m of seen) {
      expect(String(m.key)).toBe(batch);
      expect(String(m.headers?.[Header.Type])).toBe('disclosure.platform-feed-item');
    }
    // Its delivery state: two items written, both on its topic, acknowledged by its reader.
    await expectEventually(
      async () => {
        const delivery = await call<FeedDeliveryView[]>('GET', '/feeds/platforms/delivery', admin);
        expect(delivery.status).toBe(200);
        const state = delivery.body.find((d) => d.code === a.code);
        expect(state).toMatchObject({
          itemsWritten: 2,
          pendingItems: 0,
          topicItems: 2,
          lag: 0,
          failures: 0,
          brokerError: null,
        });
        expect(state?.lastItemAt).toEqual(expect.any(String));
        expect(state?.consumerGroups).toEqual([
          { groupId: `${a.consumerGroupPrefix}reader`, committed: 2, lag: 0 },
        ]);
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  });

  it('gives a platform registered later the notices and final results already known of its batches', async () => {
    const late = code('late');
    const batch = `HZ2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
    const platformFacts = { ...OrderPlaced.example.value.platform!, code: late };
    await emit(OrderPlaced, batch, {
      ...OrderPlaced.example.value,
      batchNumber: batch,
      platform: platformFacts,
    });
    await emit(ResultNotified, batch, { ...ResultNotified.example.value, batchNumber: batch });
    await emit(ResultFinal, batch, {
      ...ResultFinal.example.value,
      batchNumber: batch,
      platform: platformFacts,
    });
    await expectEventually(
      async () => {
        const rows = await disclosure.app
          .get(DataSource)
          .query(
            'select 1 from feed_batch where batch_number = $1 and notice is not null and final_result is not null and platform_code = $2',
            [batch, late],
          );
        expect(rows).toHaveLength(1);
      },
      { timeoutMs: 30_000 },
    );

    const res = await call<FeedPlatformView>('POST', '/feeds/platforms', admin, {
      code: late,
      name: '后来的平台',
    });
    expect(res.status).toBe(201);
    registered.push(late);
    const seen = await collect(
      platformKafka(res.body),
      res.body.resultsTopic,
      `${res.body.consumerGroupPrefix}r`,
    );
    await expectEventually(() => expect(seen).toHaveLength(2), { timeoutMs: 30_000 });
    expect(seen.map((m) => (JSON.parse(String(m.value)) as PlatformFeedItemValue).kind)).toEqual([
      'result-notice',
      'final-result',
    ]);
  });

  it("denies a platform's credential another platform's feed (TOPIC_AUTHORIZATION_FAILED from the broker)", async () => {
    const a = await register('da');
    const b = await register('db');
    // B reads A's feed, in a group B may use: the broker refuses the topic.
    const consumer = platformKafka(b, 'platform-b').consumer({ groupId: `${b.consumerGroupPrefix}spy` });
    closers.push(() => consumer.disconnect());
    await consumer.connect();
    const denied = await consumer
      .subscribe({ topics: [a.resultsTopic], fromBeginning: true })
      .then(() => consumer.run({ eachMessage: async () => undefined }))
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(errorType(denied)).toBe('TOPIC_AUTHORIZATION_FAILED');
    // The offsets of A's feed are as closed to B as its messages.
    const bAdmin = platformKafka(b, 'platform-b-admin').admin();
    await bAdmin.connect();
    closers.push(() => bAdmin.disconnect());
    const offsets = await bAdmin.fetchTopicOffsets(a.resultsTopic).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(errorType(offsets)).toBe('TOPIC_AUTHORIZATION_FAILED');
    // A's consumer groups are closed to B: the broker refuses B the group's coordinator.
    // (kafkajs reports that as "coordinator not found"; its debug log keeps the broker's error.)
    const refusals: string[] = [];
    const spy = new Kafka({
      clientId: 'platform-b-group',
      brokers: saslBrokers,
      logLevel: logLevel.DEBUG,
      logCreator:
        () =>
        ({ log }) => {
          const type = errorType((log as { error?: unknown }).error);
          if (type) refusals.push(type);
        },
      retry: { retries: 0 },
      sasl: { mechanism: 'scram-sha-256', username: b.username, password: b.password as string },
    });
    const thief = spy.consumer({ groupId: `${a.consumerGroupPrefix}stolen`, retry: { retries: 0 } });
    closers.push(() => thief.disconnect());
    await thief.connect();
    await thief.subscribe({ topics: [b.resultsTopic], fromBeginning: true });
    await thief.run({ eachMessage: async () => undefined }).catch(() => undefined);
    await expectEventually(() => expect(refusals).toContain('GROUP_AUTHORIZATION_FAILED'));
  });

  it("denies a platform writing another platform's takedown topic, or its own feed", async () => {
    const a = await register('wa');
    const b = await register('wb');
    const aProducer = platformKafka(a, 'platform-a-writer').producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      retry: { retries: 0 },
    });
    closers.push(() => aProducer.disconnect());
    await aProducer.connect();
    const message = { key: 'HZ2026-000123', value: '{}' };
    const toB = await aProducer.send({ topic: b.takedownsTopic, messages: [message] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(errorType(toB)).toBe('TOPIC_AUTHORIZATION_FAILED');
    const toOwnFeed = await aProducer.send({ topic: a.resultsTopic, messages: [message] }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(errorType(toOwnFeed)).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('forwards a takedown report to enforcement with the platform of the topic, once; a body naming a platform is dead-lettered', async () => {
    const a = await register('ta');
    const aProducer = platformKafka(a, 'platform-a-takedowns').producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    closers.push(() => aProducer.disconnect());
    await aProducer.connect();
    const batch = `HZ2026-${String(Math.floor(Math.random() * 900_000) + 100_000)}`;
    const report = {
      batchNumber: batch,
      listingId: '7012345678',
      action: 'listing-removed',
      note: '已下架',
      actedAt: '2026-04-09T02:00:00.000Z',
    };
    const headers = (messageId: string) => ({
      [Header.MessageId]: messageId,
      [Header.Type]: 'platform.takedown-report',
      [Header.Version]: '1',
    });
    const messageId = randomUUID();
    // Sent twice with one message id (a platform's retry): one effect.
    await aProducer.send({
      topic: a.takedownsTopic,
      messages: [
        { key: batch, value: JSON.stringify(report), headers: headers(messageId) },
        { key: batch, value: JSON.stringify(report), headers: headers(messageId) },
        {
          key: batch,
          value: JSON.stringify({ ...report, platform: 'someone-else' }),
          headers: headers(randomUUID()),
        },
      ],
    });

    const forwarded = await collect(
      internal,
      prefixedTopic(TakedownReported.topic),
      `feeds-int-${randomUUID()}`,
    );
    const dead = await collect(internal, `${a.takedownsTopic}.dlq`, `feeds-int-${randomUUID()}`);
    await expectEventually(() => expect(dead).toHaveLength(1), { timeoutMs: 40_000 });
    expect(String(dead[0].headers?.['error-reasons'])).toContain('platform');
    await expectEventually(() => expect(forwarded.filter((m) => String(m.key) === batch)).toHaveLength(1), {
      timeoutMs: 40_000,
    });
    const values = forwarded
      .map((m) => JSON.parse(String(m.value)) as TakedownReportedValue)
      .filter((v) => v.batchNumber === batch);
    expect(values).toEqual([
      expect.objectContaining({ platform: a.code, listingId: '7012345678', note: '已下架' }),
    ]);
  }, 120_000);
});
