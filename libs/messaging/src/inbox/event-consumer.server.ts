import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { SpanKind, trace, type Context, type Span } from '@opentelemetry/api';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { decodeEvent, type FieldError } from '@qis/contracts';
import { HeldWrites } from '@qis/persistence';
import { DeadLetterHeader, Header, readHeaders, type HeaderMap } from '../event-headers';
import type { KafkaPublisher } from '../kafka-publisher';
import type { EventContext } from './consume-event.decorator';
import type { EventHandlerRegistry, RegisteredHandler } from './event-handler.registry';
import { extractTraceContext, failSpan, messageAttributes, messagingTracer } from '../tracing/message-trace';

export interface EventConsumerOptions {
  kafka: Kafka;
  groupId: string;
  topicPrefix: string;
  dataSource: DataSource;
  /** The handlers to run (the service's `@ConsumeEvent` registry, or any fixed list). */
  registry: Pick<EventHandlerRegistry, 'handlers'>;
  /** Sends dead letters; must be idempotent with acks from all replicas. */
  deadLetters: KafkaPublisher;
  /** Counts what happened to each event (a service's Prometheus metrics). */
  metrics?: ConsumerMetrics;
  /** Attempts of a failing handler before its message goes to the dead-letter topic. */
  maxAttempts?: number;
  retryBaseMs?: number;
  /** Messages applied in one transaction on the fast path. */
  chunkSize?: number;
  partitionsConsumedConcurrently?: number;
  /** Bytes a fetch waits for (default 1: answer as soon as there is a message). */
  fetchMinBytes?: number;
  /** Longest wait of a fetch for `fetchMinBytes` (default 500 ms; only an idle consumer waits). */
  fetchMaxWaitMs?: number;
}

interface Item {
  message: KafkaMessage;
  headers: HeaderMap;
  messageId: string;
  value: object;
}

type Poison = { kind: 'poison'; reason: string; problems: FieldError[] };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The consuming side of the event backbone, as a Nest microservice transport: one Kafka consumer
 * for the service's `@ConsumeEvent` handlers.
 *
 * - Inbox: the message id is recorded in the consumer's transaction together with the handler's
 *   writes, so a redelivered or duplicated message has no second effect.
 * - Poison (not JSON, failing validation, unknown type or version, no message id): straight to
 *   `<topic>.dlq` with the reasons; the partition keeps flowing.
 * - A failing handler is retried with backoff; the attempt count lives in the database (it
 *   survives a restart), and after `maxAttempts` the message goes to the dead-letter topic.
 *   Retrying in place keeps the order of a batch's events; a dead letter is only committed past
 *   once the broker acknowledged it.
 * - When the database itself is unreachable nothing is dead-lettered: the batch fails, the offset
 *   is not committed, and kafkajs retries once it is back.
 */
/** What the consumer reports per topic: events applied, skipped as duplicates, retried, dead-lettered. */
export interface ConsumerMetrics {
  applied(topic: string, count: number): void;
  duplicates(topic: string, count: number): void;
  retried(topic: string): void;
  deadLettered(topic: string, kind: string): void;
}

export class EventConsumerServer extends Server implements CustomTransportStrategy {
  private readonly log = new Logger(EventConsumerServer.name);
  private consumer?: Consumer;
  private byTopic = new Map<string, RegisteredHandler>();

  constructor(private readonly options: EventConsumerOptions) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const handlers = this.options.registry.handlers();
      this.byTopic = new Map(handlers.map((h) => [`${this.options.topicPrefix}${h.contract.topic}`, h]));
      if (this.byTopic.size === 0) return callback();
      const consumer = this.options.kafka.consumer({
        groupId: this.options.groupId,
        allowAutoTopicCreation: false,
        sessionTimeout: 20_000,
        heartbeatInterval: 3_000,
        // A fetch answers as soon as there is a message: the latency it adds is the broker's round
        // trip, not a wait for bytes to gather. Under load, messages gather by themselves while
        // the previous chunk is applied (one fetch per broker is in flight after its batches).
        minBytes: this.options.fetchMinBytes ?? 1,
        maxWaitTimeInMs: this.options.fetchMaxWaitMs ?? 500,
        retry: {
          initialRetryTime: 300,
          maxRetryTime: 10_000,
          retries: 10,
          restartOnFailure: async () => true,
        },
      });
      await consumer.connect();
      await consumer.subscribe({ topics: [...this.byTopic.keys()], fromBeginning: true });
      await consumer.run({
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
        eachBatch: (payload) => this.onBatch(payload),
      });
      this.consumer = consumer;
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** The (prefixed) topics this consumer subscribed to. */
  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  async close(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  on(): void {
    // no transport events to expose
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async onBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
    commitOffsetsIfNecessary,
  }: EachBatchPayload): Promise<void> {
    const handler = this.byTopic.get(batch.topic);
    if (!handler) return;
    const chunkSize = this.options.chunkSize ?? 200;
    let segment: Item[] = [];
    const flush = async () => {
      if (segment.length === 0) return;
      await this.applySegment(handler, batch.topic, batch.partition, segment, heartbeat);
      resolveOffset(segment[segment.length - 1].message.offset);
      segment = [];
      await heartbeat();
    };

    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      const decoded = this.decode(handler, message);
      if ('kind' in decoded) {
        await flush();
        const poison = this.processSpan(handler, batch.topic, batch.partition, {
          message,
          headers: readHeaders(message.headers as Record<string, unknown>),
          messageId: '',
          value: {},
        });
        failSpan(poison.span, undefined, decoded.kind);
        try {
          await this.deadLetter(
            batch.topic,
            batch.partition,
            message,
            decoded.kind,
            decoded.reason,
            decoded.problems,
            0,
          );
        } finally {
          poison.span.end();
        }
        resolveOffset(message.offset);
        continue;
      }
      segment.push(decoded);
      if (segment.length >= chunkSize) await flush();
    }
    if (isRunning() && !isStale()) await flush();
    await commitOffsetsIfNecessary();
  }

  private decode(handler: RegisteredHandler, message: KafkaMessage): Item | Poison {
    const headers = readHeaders(message.headers as Record<string, unknown>);
    const { contract } = handler;
    const messageId = headers[Header.MessageId] ?? '';
    const poison = (reason: string, problems: FieldError[] = []): Poison => ({
      kind: 'poison',
      reason,
      problems,
    });
    if (!UUID.test(messageId)) return poison(`header ${Header.MessageId} missing or not a UUID`);
    if (headers[Header.Type] !== contract.type)
      return poison(`type ${JSON.stringify(headers[Header.Type])} is not ${contract.type}`);
    if (headers[Header.Version] !== String(contract.version)) {
      return poison(
        `unknown version ${JSON.stringify(headers[Header.Version])} of ${contract.type} (expected ${contract.version})`,
      );
    }
    const decoded = decodeEvent(contract, message.value);
    if (!decoded.ok)
      return poison(
        decoded.kind === 'not-json' ? 'value is not JSON' : 'value fails validation',
        decoded.errors,
      );
    return { message, headers, messageId, value: decoded.value };
  }

  /** Fast path: the whole segment in one transaction. On a handler failure, one by one with retries. */
  private async applySegment(
    handler: RegisteredHandler,
    topic: string,
    partition: number,
    items: Item[],
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const traced = items.map((item) => this.processSpan(handler, topic, partition, item, items.length));
    try {
      await this.options.dataSource
        .transaction(async (manager) => {
          const inserted: Array<{ message_id: string }> = await manager.query(
            `insert into inbox (consumer_group, message_id, topic, partition, "offset")
           select $1, m.id, $3, $4, m.off from unnest($2::uuid[], $5::bigint[]) as m(id, off)
           on conflict do nothing returning message_id`,
            [
              this.options.groupId,
              items.map((i) => i.messageId),
              topic,
              partition,
              items.map((i) => i.message.offset),
            ],
          );
          const fresh = new Set(inserted.map((r) => r.message_id));
          // delete() also skips a second copy of the same message inside this segment
          const events = items.flatMap((item, i) => {
            if (fresh.delete(item.messageId)) {
              const { trace: traceContext } = traced[i];
              return [
                { event: item.value, context: this.context(manager, item, topic, partition, traceContext) },
              ];
            }
            traced[i].span.setAttribute('qis.inbox.duplicate', true);
            return [];
          });
          if (events.length > 0) {
            // The handlers' writes that need nothing back (HeldWrites.write) go in one statement,
            // the same insert of every event as one multi-row insert: a round trip for the whole
            // chunk's effects instead of one per event. They commit with the inbox rows or not at all.
            HeldWrites.hold(manager);
            await handler.handle(events);
            await HeldWrites.flush(manager);
          }
          return events.length;
        })
        .then((applied) => {
          this.options.metrics?.applied(topic, applied);
          this.options.metrics?.duplicates(topic, items.length - applied);
        });
    } catch (error) {
      // The chunk rolled back: each event is applied again alone, in spans of its own.
      for (const { span } of traced) failSpan(span, error);
      for (const { span } of traced) span.end();
      for (const item of items) await this.applyOne(handler, topic, partition, item, heartbeat);
      return;
    }
    for (const { span } of traced) span.end();
  }

  /**
   * The span of one event's processing: a child of the span its `traceparent` names (the producer's
   * send), so the trace runs on from the service that published it; the handler's span and what it
   * publishes hang below. Consumed in a chunk, each event still gets its own span in its own
   * trace: a chunk mixes many batches' events, and a span per chunk with links would end every
   * batch's trace at this consumer.
   */
  private processSpan(
    handler: RegisteredHandler,
    topic: string,
    partition: number,
    item: Item,
    chunk = 1,
  ): { span: Span; trace: Context } {
    const parent = extractTraceContext(item.headers);
    const span = messagingTracer.startSpan(
      `process ${handler.contract.topic}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: messageAttributes(topic, item.message.key?.toString(), item.headers, {
          'messaging.operation.type': 'process',
          'messaging.consumer.group.name': this.options.groupId,
          'messaging.destination.partition.id': String(partition),
          'messaging.kafka.offset': Number(item.message.offset),
          'messaging.batch.message_count': chunk,
        }),
      },
      parent,
    );
    return { span, trace: trace.setSpan(parent, span) };
  }

  private async applyOne(
    handler: RegisteredHandler,
    topic: string,
    partition: number,
    item: Item,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (;;) {
      const traced = this.processSpan(handler, topic, partition, item);
      try {
        await this.options.dataSource.transaction(async (manager) => {
          const inserted: unknown[] = await manager.query(
            `insert into inbox (consumer_group, message_id, topic, partition, "offset") values ($1, $2, $3, $4, $5)
             on conflict do nothing returning message_id`,
            [this.options.groupId, item.messageId, topic, partition, item.message.offset],
          );
          if (inserted.length === 0) {
            traced.span.setAttribute('qis.inbox.duplicate', true);
            this.options.metrics?.duplicates(topic, 1);
            return;
          }
          await handler.handle([
            { event: item.value, context: this.context(manager, item, topic, partition, traced.trace) },
          ]);
          await manager.query('delete from inbox_failure where consumer_group = $1 and message_id = $2', [
            this.options.groupId,
            item.messageId,
          ]);
          this.options.metrics?.applied(topic, 1);
        });
        traced.span.end();
        return;
      } catch (error) {
        failSpan(traced.span, error);
        traced.span.end();
        // If the failure cannot even be recorded, the database is away: fail the batch, no dead letter.
        const attempts = await this.recordFailure(item, error);
        if (attempts >= maxAttempts) {
          this.log.error(
            { err: error, topic, offset: item.message.offset, attempts },
            `${handler.name} failed; message dead-lettered`,
          );
          await this.deadLetter(
            topic,
            partition,
            item.message,
            'handler-failed',
            (error as Error).message,
            [],
            attempts,
          );
          return;
        }
        this.options.metrics?.retried(topic);
        this.log.warn(
          { topic, offset: item.message.offset, attempts },
          `${handler.name} failed (attempt ${attempts}): ${(error as Error).message}`,
        );
        await new Promise((resolve) =>
          setTimeout(resolve, (this.options.retryBaseMs ?? 200) * 2 ** (attempts - 1)),
        );
        await heartbeat();
      }
    }
  }

  private async recordFailure(item: Item, error: unknown): Promise<number> {
    const rows: Array<{ attempts: number }> = await this.options.dataSource.query(
      `insert into inbox_failure (consumer_group, message_id, attempts, last_error) values ($1, $2, 1, $3)
       on conflict (consumer_group, message_id)
       do update set attempts = inbox_failure.attempts + 1, last_error = excluded.last_error, updated_at = now()
       returning attempts`,
      [this.options.groupId, item.messageId, String((error as Error)?.stack ?? error).slice(0, 4_000)],
    );
    return rows[0].attempts;
  }

  private context(
    manager: EventContext['manager'],
    item: Item,
    topic: string,
    partition: number,
    traceContext?: Context,
  ): EventContext {
    return {
      traceContext,
      manager,
      messageId: item.messageId,
      key: item.message.key?.toString() ?? '',
      headers: item.headers,
      topic: topic.slice(this.options.topicPrefix.length),
      partition,
      offset: item.message.offset,
    };
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    kind: string,
    reason: string,
    problems: FieldError[],
    attempts: number,
  ): Promise<void> {
    const headers: HeaderMap = {
      ...readHeaders(message.headers as Record<string, unknown>), // replay-count included
      [DeadLetterHeader.OriginalTopic]: topic,
      [DeadLetterHeader.OriginalPartition]: String(partition),
      [DeadLetterHeader.OriginalOffset]: message.offset,
      [DeadLetterHeader.ConsumerGroup]: this.options.groupId,
      [DeadLetterHeader.FailedAt]: new Date().toISOString(),
      [DeadLetterHeader.ErrorKind]: kind,
      [DeadLetterHeader.ErrorMessage]: reason.slice(0, 2_000),
      [DeadLetterHeader.ErrorReasons]: JSON.stringify(problems),
      [DeadLetterHeader.ErrorAttempts]: String(attempts),
    };
    await this.options.deadLetters.publish([
      { topic: `${topic}.dlq`, key: message.key, value: message.value, headers },
    ]);
    this.options.metrics?.deadLettered(topic, kind);
    this.log.warn(
      { topic, offset: message.offset, kind, reason, problems },
      'message sent to the dead-letter topic',
    );
  }
}
