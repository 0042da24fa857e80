import { Logger } from '@nestjs/common';
import { SpanKind, trace, type Span } from '@opentelemetry/api';
import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';
import { Client, type ClientConfig } from 'pg';
import {
  extractTraceContext,
  failSpan,
  injectTraceContext,
  messageAttributes,
  messagingTracer,
} from '../tracing/message-trace';

export interface OutboxRelayOptions {
  /** Connection for the relay's own session (it holds the leader lock for as long as it lives). */
  pg: ClientConfig;
  kafka: Kafka;
  topicPrefix: string;
  /** Rows per round trip. */
  batchSize?: number;
  /**
   * The fallback poll: the longest pause when the outbox is empty (default 5 s). The relay wakes
   * on commit: the outbox's insert trigger notifies (`LISTEN outbox`), and PostgreSQL delivers the
   * notification when the inserting transaction commits. The poll only covers a notification
   * lost with a connection.
   */
  idleMs?: number;
  /**
   * While events keep coming, the shortest time between two rounds (default 5 ms): a burst is
   * sent in a few batches instead of a round trip to Kafka and PostgreSQL per event. The first
   * event after a quiet spell goes at once; later ones wait at most this long. Events committed
   * during a round go together in the next one in any case.
   */
  lingerMs?: number;
  /** How long sent rows are kept before they are purged. */
  retainSentHours?: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  payload: string;
  headers: Record<string, string>;
}

// One relay per service database is the leader; the others wait. A session-level advisory lock
// is released by PostgreSQL when the leader's connection ends, so a crashed leader is replaced.
const LEADER_LOCK = "hashtext(current_database() || '.outbox-relay')";

/**
 * Publishes outbox rows to Kafka in id order (so in key order) with an idempotent producer and
 * acks from all in-sync replicas, then marks them sent. Safe with several instances of a service:
 * only the holder of the leader lock relays. A crash between publish and mark re-sends the rows
 * once more with the same message ids, which the consumers' inboxes ignore.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop?: Promise<void>;
  private client?: Client;
  private producer?: Producer;
  private wake?: () => void;
  private leader = false;
  private notified = false;
  private lastPurge = 0;
  /** Ids of rows Kafka acknowledged that are not marked sent yet (the next round's statement marks them). */
  private unmarked: string[] = [];

  constructor(private readonly options: OutboxRelayOptions) {}

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Ends the loop after the round in flight; releases the lock by closing the session. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
    this.producer = undefined;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        if (await this.becomeLeader()) {
          failures = 0;
          await this.relayWhileLeader();
        } else {
          await this.sleep(1_000);
        }
      } catch (error) {
        failures++;
        if (failures === 1 || failures % 20 === 0)
          this.logger.warn(`outbox relay paused: ${(error as Error).message}`);
        await this.dropSession();
        await this.producer?.disconnect().catch(() => undefined);
        this.producer = undefined;
        await this.sleep(Math.min(5_000, 200 * failures));
      }
    }
    await this.dropSession();
  }

  private async becomeLeader(): Promise<boolean> {
    if (!this.client) {
      const client = new Client({ ...this.options.pg, application_name: 'qis-outbox-relay' });
      // A lost connection is surfaced by the next query, which the loop runs at once (it would
      // otherwise sleep until the poll): the relay reconnects, listens again and reads the outbox.
      client.on('error', () => this.wake?.());
      client.on('end', () => this.wake?.());
      client.on('notification', () => {
        if (this.wake) this.wake();
        else this.notified = true;
      });
      await client.connect();
      this.client = client;
    }
    const result = await this.client.query<{ locked: boolean }>(
      `select pg_try_advisory_lock(${LEADER_LOCK}) as locked`,
    );
    this.leader = result.rows[0].locked;
    if (!this.leader) await this.dropSession();
    else {
      // An insert into the outbox notifies; polling stays as the fallback.
      await this.client?.query('listen outbox');
      // The relay's only writes are "sent" marks. Losing the last of them in a database crash
      // re-sends those rows with their message ids, which the inboxes ignore; so its commits need
      // not wait for the WAL flush. (The services' own transactions, outbox rows included, do.)
      await this.client?.query('set synchronous_commit = off');
    }
    return this.leader;
  }

  private async relayWhileLeader(): Promise<void> {
    const client = this.client as Client;
    const producer = await this.connectedProducer();
    const batchSize = this.options.batchSize ?? 500;
    while (this.running) {
      const roundStarted = Date.now();
      // One round trip to PostgreSQL a round: the rows of the last round (Kafka acknowledged them)
      // are marked sent by the statement that reads the next ones. It reads the snapshot from
      // before its own update, hence the exclusion.
      const { rows } = await client.query<OutboxRow>(
        `with marked as (update outbox set sent_at = now() where id = any($1::bigint[]))
         select id, topic, message_key, payload, headers from outbox
         where sent_at is null and id <> all($1::bigint[]) order by id limit $2`,
        [this.unmarked, batchSize],
      );
      this.unmarked = [];
      if (rows.length > 0) {
        const sent = rows.map((row) => this.sendSpan(row));
        try {
          await producer.sendBatch({
            acks: -1,
            compression: CompressionTypes.None,
            topicMessages: this.byTopic(sent.map(({ row }) => row)),
          });
        } catch (error) {
          for (const { span } of sent) {
            failSpan(span, error);
            span.end();
          }
          throw error;
        }
        for (const { span } of sent) span.end();
        this.unmarked = rows.map((r) => r.id);
        // The next round marks them at once; it only lingers while events keep coming.
        if (rows.length < batchSize) {
          const linger = (this.options.lingerMs ?? 5) - (Date.now() - roundStarted);
          if (linger > 0) await new Promise((resolve) => setTimeout(resolve, linger));
        }
        continue;
      }
      await this.purgeSometimes(client);
      await this.sleep(this.options.idleMs ?? 5_000);
    }
    await this.markUnmarked();
  }

  /** Marks what was sent but not yet marked (on stop); a failure only means those are sent again. */
  private async markUnmarked(): Promise<void> {
    if (this.unmarked.length === 0 || !this.client) return;
    await this.client.query('update outbox set sent_at = now() where id = any($1::bigint[])', [
      this.unmarked,
    ]);
    this.unmarked = [];
  }

  /**
   * A producer span per event, child of the span that stored it (the HTTP request or the consumed
   * event it came from), so a trace shows how long the event waited in the outbox; the message
   * goes out with this span as its `traceparent`.
   */
  private sendSpan(row: OutboxRow): { row: OutboxRow; span: Span } {
    const parent = extractTraceContext(row.headers);
    const span = messagingTracer.startSpan(
      `send ${row.topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: messageAttributes(
          `${this.options.topicPrefix}${row.topic}`,
          row.message_key,
          row.headers,
          {
            'messaging.operation.type': 'send',
          },
        ),
      },
      parent,
    );
    return { row: { ...row, headers: injectTraceContext(row.headers, trace.setSpan(parent, span)) }, span };
  }

  // Rows of one topic keep their id order inside topicMessages; kafkajs keeps per-partition order.
  private byTopic(rows: OutboxRow[]) {
    const topics = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      const list = topics.get(row.topic);
      if (list) list.push(row);
      else topics.set(row.topic, [row]);
    }
    return [...topics].map(([topic, list]) => ({
      topic: `${this.options.topicPrefix}${topic}`,
      messages: list.map((r) => ({ key: r.message_key, value: r.payload, headers: r.headers })),
    }));
  }

  private async purgeSometimes(client: Client): Promise<void> {
    if (Date.now() - this.lastPurge < 60_000) return;
    this.lastPurge = Date.now();
    const hours = this.options.retainSentHours ?? 24 * 7;
    await client.query(`delete from outbox where sent_at < now() - make_interval(hours => $1)`, [hours]);
  }

  private async connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.options.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
    }
    return this.producer;
  }

  private async dropSession(): Promise<void> {
    this.leader = false;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  /**
   * Sleeps up to `ms`, or not at all when a notification came since the last sleep (it came
   * during a round, which may have read the outbox before that commit).
   */
  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    if (this.notified) {
      this.notified = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
