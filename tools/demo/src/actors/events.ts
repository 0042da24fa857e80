import { randomUUID } from 'node:crypto';
import { kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

/** One event as read from a topic (value parsed from JSON, headers as strings). */
export interface SeenEvent<V = Record<string, unknown>> {
  /** the unprefixed topic, e.g. `lab.report-issued.v1` */
  topic: string;
  /** the batch number for flow events */
  key: string | null;
  value: V;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

export interface EventWatcherOptions {
  /** `host:port` list; default `KAFKA_BROKERS`; the principal is KAFKA_SASL_USERNAME's (the local qis-admin) */
  brokers?: string[];
  /** prefix of every topic; default `KAFKA_TOPIC_PREFIX` (tests set one per file) or '' */
  prefix?: string;
  /** unprefixed topics to watch (e.g. `Topics.ReportIssued` from @qis/contracts); they must exist */
  topics: string[];
  /** read each topic from its start (default true), so events published before `start` count too */
  fromBeginning?: boolean;
}

interface Waiter {
  topic: string;
  match: (event: SeenEvent) => boolean;
  resolve: (event: SeenEvent) => void;
}

/**
 * Watches topics with a consumer group of its own and keeps every event it reads, so a step can
 * wait for "the report-issued of batch X" whether it came before or after the wait started.
 * Start it once (after the services created their topics), wait many times, stop it at the end.
 */
export class EventWatcher {
  private readonly seen = new Map<string, SeenEvent[]>();
  private waiters: Waiter[] = [];

  private constructor(
    private readonly consumer: Consumer,
    private readonly prefix: string,
  ) {}

  static async start(options: EventWatcherOptions): Promise<EventWatcher> {
    const prefix = options.prefix ?? process.env['KAFKA_TOPIC_PREFIX'] ?? '';
    const kafka = new Kafka({
      ...kafkaConnection(),
      ...(options.brokers ? { brokers: options.brokers } : {}),
      clientId: 'qis-demo-actors',
      logLevel: logLevel.NOTHING,
    });
    const consumer = kafka.consumer({ groupId: `${prefix}qis-demo-watch-${randomUUID()}` });
    const watcher = new EventWatcher(consumer, prefix);
    await consumer.connect();
    await consumer.subscribe({
      topics: options.topics.map((t) => `${prefix}${t}`),
      fromBeginning: options.fromBeginning ?? true,
    });
    const joined = new Promise<void>((resolve) => {
      const off = consumer.on(consumer.events.GROUP_JOIN, () => {
        off();
        resolve();
      });
    });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {}))
          if (v !== undefined) headers[k] = Array.isArray(v) ? String(v[0]) : String(v);
        let value: Record<string, unknown>;
        try {
          value = JSON.parse(message.value?.toString('utf8') ?? 'null') as Record<string, unknown>;
        } catch {
          return; // not a JSON event: nothing a predicate could match
        }
        watcher.record({
          topic: topic.slice(prefix.length),
          key: message.key?.toString('utf8') ?? null,
          value,
          headers,
          partition,
          offset: message.offset,
        });
      },
    });
    await joined;
    return watcher;
  }

  private record(event: SeenEvent): void {
    const list = this.seen.get(event.topic) ?? [];
    list.push(event);
    this.seen.set(event.topic, list);
    const [hit, rest] = [
      this.waiters.filter((w) => w.topic === event.topic && w.match(event)),
      this.waiters.filter((w) => !(w.topic === event.topic && w.match(event))),
    ];
    this.waiters = rest;
    for (const w of hit) w.resolve(event);
  }

  /** Every event read so far on a topic (unprefixed name), oldest first. */
  events<V = Record<string, unknown>>(topic: string): Array<SeenEvent<V>> {
    return (this.seen.get(topic) ?? []) as Array<SeenEvent<V>>;
  }

  /**
   * The first event on `topic` (unprefixed) matching `predicate`, already read or still to come;
   * rejects after `timeoutMs` (default 60 s) naming the topic and the prefix.
   */
  waitFor<V = Record<string, unknown>>(
    topic: string,
    predicate: (value: V, event: SeenEvent<V>) => boolean,
    timeoutMs = 60_000,
  ): Promise<SeenEvent<V>> {
    const match = (e: SeenEvent) => predicate(e.value as V, e as SeenEvent<V>);
    const already = this.events(topic).find(match);
    if (already) return Promise.resolve(already as SeenEvent<V>);
    return new Promise<SeenEvent<V>>((resolve, reject) => {
      const waiter: Waiter = {
        topic,
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e as SeenEvent<V>);
        },
      };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(
          new Error(
            `no matching event on ${this.prefix}${topic} within ${timeoutMs} ms (${this.events(topic).length} seen there)`,
          ),
        );
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** The first event of a batch on a topic (flow events are keyed by batch number). */
  waitForBatch<V = Record<string, unknown>>(
    topic: string,
    batchNumber: string,
    timeoutMs?: number,
  ): Promise<SeenEvent<V>> {
    return this.waitFor<V>(topic, (_v, e) => e.key === batchNumber, timeoutMs);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

/**
 * One-off: waits for an event matching `predicate` on `topic` (prefix from `KAFKA_TOPIC_PREFIX`
 * unless given), reading from the topic's start. Prefer one `EventWatcher` for many waits.
 */
export async function waitForEvent<V = Record<string, unknown>>(
  topic: string,
  predicate: (value: V, event: SeenEvent<V>) => boolean,
  options: Omit<EventWatcherOptions, 'topics'> & { timeoutMs?: number } = {},
): Promise<SeenEvent<V>> {
  const watcher = await EventWatcher.start({ ...options, topics: [topic] });
  try {
    return await watcher.waitFor(topic, predicate, options.timeoutMs);
  } finally {
    await watcher.stop();
  }
}
