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
   * The fallback poll of a sleeping relay (default 5 s). Asleep, the relay wakes on commit: the
   * outbox's insert trigger notifies (`LISTEN outbox`), and PostgreSQL delivers the notification
   * when the inserting transaction commits. The poll only covers a notification lost with a
   * connection.
   */
  idleMs?: number;
  /**
   * While events keep coming, the shortest time between two rounds (default 5 ms): a burst is
   * sent in a few batches instead of a round trip to Kafka and PostgreSQL per event. Awake, the
   * relay also reads the outbox at this pace when it found nothing (writers do not notify an awake
   * relay). The first event after a quiet spell goes at once; later ones wait at most this long.
   */
  lingerMs?: number;
  /**
   * How long the relay stays awake, reading every `lingerMs`, after the last round that found
   * rows (default 100 ms); then it sleeps until a notification. Writers notify only a sleeping
   * relay: each notifying commit takes PostgreSQL's cluster-wide NOTIFY lock until its WAL is
   * flushed, so while events keep coming, notifications would make the writers' commits wait for
   * each other's fsync.
   */
  stayAwakeMs?: number;
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
// Held by the leader only while it sleeps; the outbox's insert trigger notifies only when it
// cannot take it shared (migration NotifyOnlyWhileRelayAsleep1765950000000, same key).
const ASLEEP_LOCK = "hashtext(current_database() || '.outbox-relay-asleep')";

/**
 * Publishes outbox rows to Kafka in id order (so in key order) with an idempotent producer and
 * acks from all in-sync replicas, then marks them sent. Safe with several instances of a service:
 * only the holder of the leader lock relays. A crash between publish and mark re-sends the rows
 * once more with the same message ids, which the consumers' inboxes ignore.
 *
 * Awake while events keep coming (it reads every `lingerMs`), asleep after `stayAwakeMs` without
 * any; only a sleeping relay is woken by the writers' notifications (ASLEEP_LOCK).
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
  /** Whether this session holds ASLEEP_LOCK (writers notify). */
  private asleep = false;
  private lastPurge = 0;
  /** Ids of rows Kafka acknowledged that are not marked sent yet (the next round's statement marks them). */
  private unmarked: string[] = [];
  /** When Kafka acknowledged them: their `sent_at`, though the mark comes a round later. */
  private acknowledgedAt = 0;

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
      // An insert into the outbox notifies a sleeping relay; polling stays as the fallback.
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
    const lingerMs = this.options.lingerMs ?? 5;
    const stayAwakeMs = this.options.stayAwakeMs ?? 100;
    // Nothing found yet: a quiet outbox lets the relay fall asleep after its first reads.
    let lastFound = Number.NEGATIVE_INFINITY;
    while (this.running) {
      const roundStarted = Date.now();
      // One round trip to PostgreSQL a round: the rows of the last round (Kafka acknowledged them)
      // are marked sent by the statement that reads the next ones, with the time of the
      // acknowledgement on the database's clock. It reads the snapshot from before its own update,
      // hence the exclusion.
      const { rows } = await client.query<OutboxRow>(
        `with marked as (
           update outbox set sent_at = now() - make_interval(secs => $3::float8 / 1000)
           where id = any($1::bigint[]))
         select id, topic, message_key, payload, headers from outbox
         where sent_at is null and id <> all($1::bigint[]) order by id limit $2`,
        [this.unmarked, batchSize, this.sinceAcknowledged()],
      );
      this.unmarked = [];
      if (rows.length > 0) {
        lastFound = roundStarted;
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
        this.acknowledgedAt = Date.now();
        // Awake now: the writers stop notifying (after the send, so the first event is not held).
        if (this.asleep) await this.wakeUp(client);
        // The next round marks them at once; it only lingers while events keep coming.
        if (rows.length < batchSize) {
          const linger = lingerMs - (Date.now() - roundStarted);
          if (linger > 0) await new Promise((resolve) => setTimeout(resolve, linger));
        }
        continue;
      }
      await this.purgeSometimes(client);
      if (this.asleep) {
        await this.sleep(this.options.idleMs ?? 5_000);
      } else if (roundStarted - lastFound >= stayAwakeMs && (await this.fallAsleep(client))) {
        // Read once more before sleeping: whatever committed before the lock was taken is visible
        // now, and whatever commits after it notifies.
        continue;
      } else {
        // Awake (events came lately, or a writer's transaction holds the lock shared): writers do
        // not notify, so read again after the linger.
        await this.sleep(Math.max(0, lingerMs - (Date.now() - roundStarted)));
      }
    }
    await this.markUnmarked();
  }

  /** Milliseconds since Kafka acknowledged the unmarked rows. */
  private sinceAcknowledged(): number {
    return this.unmarked.length > 0 ? Math.max(0, Date.now() - this.acknowledgedAt) : 0;
  }

  /**
   * Takes ASLEEP_LOCK unless a writer holds it (its transaction inserted into the outbox and has
   * not ended yet: the relay stays awake for its rows). A session lock: released with the session.
   */
  private async fallAsleep(client: Client): Promise<boolean> {
    const result = await client.query<{ locked: boolean }>(
      `select pg_try_advisory_lock(${ASLEEP_LOCK}) as locked`,
    );
    this.asleep = result.rows[0].locked;
    return this.asleep;
  }

  private async wakeUp(client: Client): Promise<void> {
    await client.query(`select pg_advisory_unlock(${ASLEEP_LOCK})`);
    this.asleep = false;
  }

  /** Marks what was sent but not yet marked (on stop); a failure only means those are sent again. */
  private async markUnmarked(): Promise<void> {
    if (this.unmarked.length === 0 || !this.client) return;
    await this.client.query(
      'update outbox set sent_at = now() - make_interval(secs => $2::float8 / 1000) where id = any($1::bigint[])',
      [this.unmarked, this.sinceAcknowledged()],
    );
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
    // Ending the session releases its locks, ASLEEP_LOCK included: writers stop notifying until
    // the next leader has read the outbox and falls asleep again.
    this.asleep = false;
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
