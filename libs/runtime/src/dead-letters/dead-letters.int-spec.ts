import { Injectable, Module } from '@nestjs/common';
import { AuditService, SYSTEM_ACTOR } from '@qis/audit';
import { ServiceConfig } from '@qis/config';
import { ConsumeEvent, Header, kafkaConnection, type EventContext } from '@qis/messaging';
import {
  expectEventually,
  FixtureEventContract,
  sendEvents,
  startTestService,
  type FixtureEvent,
  type TestService,
} from '@qis/testing';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { ServiceDefinition } from '../service-definition';
import type { DeadLetterView } from './dead-letter.view';
import type { DeadLettersView } from './dead-letters.view';

/** The handler refuses every event until the test lets it (the "cause" an operator fixes). */
const handler = { accepting: false };

@Injectable()
class SwitchedHandler {
  constructor(private readonly audit: AuditService) {}

  @ConsumeEvent(FixtureEventContract)
  async apply(event: FixtureEvent, { manager, messageId }: EventContext): Promise<void> {
    if (!handler.accepting) throw new Error('not accepting fixture events yet');
    // The effect, countable: one audit entry per application.
    await this.audit.record(
      SYSTEM_ACTOR,
      {
        action: 'fixture.applied',
        entityType: 'fixture-event',
        entityId: messageId,
        detail: { key: event.key },
      },
      manager,
    );
  }
}

@Module({ providers: [SwitchedHandler] })
class SwitchedModule {}

const deadLetterService: ServiceDefinition = {
  name: 'dead-letter-fixture',
  title: 'QIS dead-letter fixture',
  description: 'Test fixture: a consumer whose handler fails until told otherwise.',
  config: ServiceConfig,
  entities: [],
  migrations: [],
  imports: [SwitchedModule],
  extraTopics: [FixtureEventContract.topic],
};

const TOPIC = FixtureEventContract.topic;

describe('dead letters over HTTP (GET /ops/dead-letters, inspect, replay)', () => {
  let service: TestService<ServiceConfig>;
  let producer: Producer;
  let admin: Record<string, string>;
  let auditor: Record<string, string>;

  const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const list = async () => (await call('GET', '/ops/dead-letters', admin)).body as unknown as DeadLettersView;
  const fixtureTopic = (view: DeadLettersView) => view.topics.find((t) => t.topic === TOPIC);
  const applications = async (key: string): Promise<number> => {
    const rows: Array<{ n: string }> = await service.app
      .get(DataSource)
      .query(`select count(*) as n from audit_log where action = 'fixture.applied' and detail->>'key' = $1`, [
        key,
      ]);
    return Number(rows[0].n);
  };
  const send = (key: string, value: object) =>
    sendEvents(producer, FixtureEventContract, [{ key, value }], 'test');

  beforeAll(async () => {
    service = await startTestService(deadLetterService);
    admin = await service.auth({ roles: ['admin'], sub: 'admin-li' });
    auditor = await service.auth({ roles: ['auditor'], sub: 'auditor-zhao' });
    const kafka = new Kafka({
      clientId: 'dlq-http-test',
      ...kafkaConnection(),
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.stop();
  });

  it('lists a poison message with its reasons and a failed one with its attempts, per consumed topic', async () => {
    await send('POISON-1', { key: 'POISON-1', seq: 0 }); // seq below 1, no sentAt
    await send('FAIL-1', { key: 'FAIL-1', seq: 1, sentAt: new Date().toISOString() });

    const view = await expectEventually(
      async () => {
        const v = await list();
        expect(fixtureTopic(v)?.count).toBe(2);
        return v;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(view.service).toBe('dead-letter-fixture');
    expect(view.topics.map((t) => t.topic)).toEqual([...view.topics.map((t) => t.topic)].sort());
    expect(view.topics.map((t) => t.topic)).toContain(TOPIC);
    const topic = fixtureTopic(view);
    expect(topic).toMatchObject({
      deadLetterTopic: `${process.env['KAFKA_TOPIC_PREFIX']}${TOPIC}.dlq`,
      count: 2,
      pending: 2,
    });
    const poison = topic?.letters.find((l) => l.key === 'POISON-1');
    expect(poison).toMatchObject({
      errorKind: 'poison',
      errorMessage: 'value fails validation',
      attempts: 0,
      consumerGroup: view.consumerGroup,
      applied: false,
      replayCount: 0,
    });
    expect(poison?.reasons.map((r) => r.field).sort()).toEqual(['sentAt', 'seq']);
    expect(poison?.position).toBe(`${poison?.partition}:${poison?.offset}`);
    const failed = topic?.letters.find((l) => l.key === 'FAIL-1');
    expect(failed).toMatchObject({
      errorKind: 'handler-failed',
      errorMessage: 'not accepting fixture events yet',
      attempts: 5,
      type: FixtureEventContract.type,
      applied: false,
    });
    expect(Date.parse(failed?.failedAt ?? '')).not.toBeNaN();
  }, 90_000);

  it('inspects one letter with its headers and value', async () => {
    const failed = fixtureTopic(await list())?.letters.find((l) => l.key === 'FAIL-1');
    const { status, body } = await call(
      'GET',
      `/ops/dead-letters/${TOPIC}/${failed?.partition}/${failed?.offset}`,
      admin,
    );
    expect(status).toBe(200);
    const letter = body as unknown as DeadLetterView;
    expect(letter).toMatchObject({
      topic: TOPIC,
      key: 'FAIL-1',
      errorKind: 'handler-failed',
      messageId: failed?.messageId,
    });
    expect(letter.headers['original-topic']).toBe(`${process.env['KAFKA_TOPIC_PREFIX']}${TOPIC}`);
    expect(letter.headers[Header.MessageId]).toBe(failed?.messageId);
    expect(letter.json).toMatchObject({ key: 'FAIL-1', seq: 1 });
    expect(JSON.parse(letter.value ?? '')).toEqual(letter.json);

    expect((await call('GET', `/ops/dead-letters/${TOPIC}/${failed?.partition}/999999`, admin)).status).toBe(
      404,
    );
  });

  it('replays a letter once its cause is fixed: applied once, a second replay has no second effect, audited', async () => {
    const failed = fixtureTopic(await list())?.letters.find((l) => l.key === 'FAIL-1');
    handler.accepting = true;

    const replayed = await call('POST', `/ops/dead-letters/${TOPIC}/replay`, admin, {
      positions: [failed?.position],
    });
    expect(replayed).toEqual({
      status: 200,
      body: { topic: TOPIC, replayed: 1, positions: [failed?.position] },
    });
    await expectEventually(async () => expect(await applications('FAIL-1')).toBe(1), { timeoutMs: 30_000 });
    const after = fixtureTopic(await list());
    expect(after?.letters.find((l) => l.key === 'FAIL-1')?.applied).toBe(true);
    expect(after?.pending).toBe(1);

    // Again: the group applied it, so the inbox skips it. A later event of the same key (same
    // partition, so after the replay) shows the replay has been consumed.
    expect(
      (await call('POST', `/ops/dead-letters/${TOPIC}/replay`, admin, { positions: [failed?.position] }))
        .status,
    ).toBe(200);
    await send('FAIL-1', { key: 'FAIL-1', seq: 2, sentAt: new Date().toISOString() });
    await expectEventually(async () => expect(await applications('FAIL-1')).toBe(2), { timeoutMs: 30_000 });
    const rows: Array<{ n: string }> = await service.app
      .get(DataSource)
      .query(`select count(*) as n from audit_log where action = 'fixture.applied' and entity_id = $1`, [
        failed?.messageId,
      ]);
    expect(Number(rows[0].n)).toBe(1);

    const audited = await call('GET', `/audit?action=ops.dead-letter.replay`, auditor);
    expect(audited.status).toBe(200);
    const entries = audited.body['items'] as Array<Record<string, unknown>>;
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actor: 'admin-li',
      action: 'ops.dead-letter.replay',
      entityType: 'dead-letter',
      entityId: TOPIC,
      outcome: 'success',
      detail: expect.objectContaining({ positions: [failed?.position], messageIds: [failed?.messageId] }),
    });
  }, 90_000);

  it('replays all letters not applied since; poison fails again and comes back with its replay count', async () => {
    const replayed = await call('POST', `/ops/dead-letters/${TOPIC}/replay`, admin, { all: true });
    expect(replayed.status).toBe(200);
    expect(replayed.body['replayed']).toBe(1); // the poison; FAIL-1 was applied
    const again = await expectEventually(
      async () => {
        const letters = fixtureTopic(await list())?.letters.filter((l) => l.key === 'POISON-1') ?? [];
        expect(letters).toHaveLength(2);
        return letters;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(again.map((l) => l.replayCount)).toEqual([0, 1]);
  }, 60_000);

  it('refuses malformed input with 400 naming the field', async () => {
    const replay = (body: unknown) => call('POST', `/ops/dead-letters/${TOPIC}/replay`, admin, body);
    const fields = (res: { body: Record<string, unknown> }) =>
      (res.body['errors'] as Array<{ field: string }>).map((e) => e.field);
    for (const [body, field] of [
      [{}, 'positions'],
      [{ positions: [] }, 'positions'],
      [{ positions: ['1-2'] }, 'positions'],
      [{ all: false }, 'all'],
      [{ all: true, positions: ['0:1'] }, 'all'],
      [{ all: true, everything: true }, 'everything'],
    ] as const) {
      const res = await replay(body);
      expect(res.status).toBe(400);
      expect(fields(res)).toContain(field);
    }
    const res = await call('GET', `/ops/dead-letters/${TOPIC}/first/1`, admin);
    expect(res.status).toBe(400);
    expect(fields(res)).toContain('partition');
  });

  it('answers 404 for a topic this service does not consume', async () => {
    for (const res of [
      await call('GET', '/ops/dead-letters/lab.report-issued.v1/0/0', admin),
      await call('POST', '/ops/dead-letters/lab.report-issued.v1/replay', admin, { all: true }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body['message']).toMatch(/consumes no topic lab\.report-issued\.v1/);
    }
  });

  it('lets only admins in (403 for an auditor, 401 without a token)', async () => {
    const planner = await service.auth({ roles: ['planner', 'approver'] });
    for (const headers of [auditor, planner]) {
      expect((await call('GET', '/ops/dead-letters', headers)).status).toBe(403);
      expect((await call('GET', `/ops/dead-letters/${TOPIC}/0/0`, headers)).status).toBe(403);
      expect((await call('POST', `/ops/dead-letters/${TOPIC}/replay`, headers, { all: true })).status).toBe(
        403,
      );
    }
    expect((await call('GET', '/ops/dead-letters', {})).status).toBe(401);
  });
});
