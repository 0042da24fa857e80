import type { EventDescriptor } from '@qis/contracts';
import { kafkaConnection, prefixedTopic } from '@qis/messaging';
import { expectEventually, sendEvents, uniqueName, type TestService } from '@qis/testing';
import { Kafka, logLevel, Partitioners, type Consumer } from 'kafkajs';
import type { PlanningConfig } from '../planning.config';
import type { CreatePlanCommand } from '../plans/create-plan.command';

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** HTTP calls to a test planning service as named people with roles. */
export class PlanningClient {
  constructor(private readonly service: TestService<PlanningConfig>) {}

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    as: { sub: string; roles: string[] },
    body?: unknown,
    contentType = 'application/json',
  ): Promise<Reply<T>> {
    const res = await fetch(this.service.url + path, {
      method,
      headers: {
        ...(await this.service.auth({ sub: as.sub, roles: as.roles })),
        ...(body !== undefined ? { 'content-type': contentType } : {}),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  importCsv(csv: string): Promise<Reply> {
    return this.call('POST', '/listings/import', PLANNER, csv, 'text/csv');
  }

  /** Draft, submit, approve by a second person: an approved plan's id. */
  async approvedPlan(command: CreatePlanCommand): Promise<string> {
    const created = await this.call<{ id: string }>('POST', '/plans', PLANNER, command);
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    const id = created.body.id;
    await this.expectStatus(this.call('POST', `/plans/${id}/submit`, PLANNER), 200);
    await this.expectStatus(this.call('POST', `/plans/${id}/approve`, APPROVER), 200);
    return id;
  }

  async select(
    planId: string,
  ): Promise<Array<{ listingId: string; platformListingId: string; way: string }>> {
    const reply = await this.expectStatus(
      this.call<{ listings: Array<{ listingId: string; platformListingId: string; way: string }> }>(
        'POST',
        `/plans/${planId}/selection`,
        PLANNER,
      ),
      200,
    );
    return reply.body.listings;
  }

  private async expectStatus<T>(reply: Promise<Reply<T>>, status: number): Promise<Reply<T>> {
    const r = await reply;
    if (r.status !== status)
      throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
    return r;
  }
}

export const PLANNER = { sub: 'planner-li', roles: ['planner'] };
export const APPROVER = { sub: 'approver-zhao', roles: ['approver'] };

const kafka = () =>
  new Kafka({
    clientId: uniqueName('planning-test'),
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  });

/** Produces events as a platform or another service would (`sendEvents`), on a producer of its own. */
export async function produce<V extends object>(
  contract: EventDescriptor<object, V>,
  events: ReadonlyArray<{ key: string; value: V }>,
): Promise<void> {
  const producer = kafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await sendEvents(producer, contract, events, 'planning-int-test');
  } finally {
    await producer.disconnect();
  }
}

/** A test consumer of one topic from the beginning, collecting keys and values. */
export class TopicReader {
  readonly messages: Array<{ key: string; value: Record<string, unknown>; headers: Record<string, string> }> =
    [];
  private constructor(private readonly consumer: Consumer) {}

  static async start(topic: string): Promise<TopicReader> {
    const consumer = kafka().consumer({ groupId: uniqueName('reader') });
    const reader = new TopicReader(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic: prefixedTopic(topic), fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {}))
          if (v !== undefined) headers[k] = String(v);
        reader.messages.push({
          key: message.key?.toString() ?? '',
          value: JSON.parse(message.value?.toString() ?? '{}') as Record<string, unknown>,
          headers,
        });
      },
    });
    return reader;
  }

  async waitFor(count: number): Promise<void> {
    await expectEventually(
      () => {
        if (this.messages.length < count)
          throw new Error(`${this.messages.length} of ${count} messages read`);
      },
      { timeoutMs: 30_000 },
    );
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}
