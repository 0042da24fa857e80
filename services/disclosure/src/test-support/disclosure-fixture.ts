import { randomUUID } from 'node:crypto';
import { Header, kafkaConnection, prefixedTopic, type EventContract } from '@qis/messaging';
import { expectEventually, type TestService, type TestClaims } from '@qis/testing';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import type { DisclosureConfig } from '../disclosure.config';

export interface ApiResult<T> {
  status: number;
  body: T;
  headers: Headers;
}

/** Drives a running disclosure service: events in through Kafka, HTTP calls, outbox reads. */
export class DisclosureFixture {
  private producer: Producer | undefined;
  private readonly kafka = new Kafka({
    clientId: 'disclosure-test',
    ...kafkaConnection(),
    logLevel: logLevel.NOTHING,
  });

  constructor(readonly service: TestService<DisclosureConfig>) {}

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }

  /** Produces an event onto the test file's prefixed topic, as its owner would; returns its message id. */
  async emit<V extends object>(
    contract: EventContract<V>,
    key: string,
    value: V,
    messageId: string = randomUUID(),
  ): Promise<string> {
    if (!this.producer) {
      this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
      await this.producer.connect();
    }
    await this.producer.send({
      topic: prefixedTopic(contract.topic),
      messages: [
        {
          key,
          value: JSON.stringify(value),
          headers: {
            [Header.MessageId]: messageId,
            [Header.Type]: contract.type,
            [Header.Version]: String(contract.version),
            [Header.OccurredAt]: new Date().toISOString(),
            [Header.Producer]: 'disclosure-test',
          },
        },
      ],
    });
    return messageId;
  }

  async call<T>(method: string, path: string, claims?: TestClaims, body?: unknown): Promise<ApiResult<T>> {
    const res = await fetch(`${this.service.url}${path}`, {
      method,
      headers: {
        ...(claims ? await this.service.auth(claims) : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as T) : (text as T);
    return { status: res.status, body: json, headers: res.headers };
  }

  /** Anonymous GET of a public JSON route. */
  async get<T>(path: string): Promise<T> {
    const res = await this.call<T>('GET', path);
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Waits until `count` results match `query` on the public list (the events crossed Kafka). */
  async awaitResults<T>(query: string, count: number): Promise<T[]> {
    let items: T[] = [];
    await expectEventually(
      async () => {
        const page = await this.get<{ items: T[]; total: number }>(`/public/results?pageSize=100&${query}`);
        items = page.items;
        expect(page.total).toBe(count);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    return items;
  }

  /** Reads a topic (prefixed) from the beginning until `until` holds for what was read. */
  async readTopic<V>(
    contract: EventContract<object>,
    until: (messages: Array<{ key: string; value: V; headers: Record<string, string> }>) => boolean,
    timeoutMs = 30_000,
  ): Promise<Array<{ key: string; value: V; headers: Record<string, string> }>> {
    const consumer = this.kafka.consumer({ groupId: `disclosure-test-${randomUUID()}` });
    const read: Array<{ key: string; value: V; headers: Record<string, string> }> = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [prefixedTopic(contract.topic)], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${contract.topic}: condition not met in ${timeoutMs} ms`)),
          timeoutMs,
        );
        void consumer.run({
          eachMessage: async ({ message }) => {
            read.push({
              key: message.key?.toString() ?? '',
              value: JSON.parse(message.value?.toString() ?? 'null') as V,
              headers: Object.fromEntries(
                Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
              ),
            });
            if (until(read)) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return read;
  }

  /** Values this service committed to publish on a topic (its outbox), oldest first. */
  async outbox<V>(contract: EventContract<object>): Promise<Array<{ key: string; value: V }>> {
    const rows = (await this.service.app
      .get(DataSource)
      .query(`select message_key, payload from outbox where topic = $1 order by id`, [
        contract.topic,
      ])) as Array<{
      message_key: string;
      payload: string | object;
    }>;
    return rows.map((r) => ({
      key: r.message_key,
      value: (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as V,
    }));
  }
}
