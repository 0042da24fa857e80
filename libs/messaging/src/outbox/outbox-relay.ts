import { Logger } from '@nestjs/common';
import { CompressionTypes, Partitioners, type Kafka, type Producer } from 'kafkajs';
import { Client, type ClientConfig } from 'pg';

export interface OutboxRelayOptions {
  /** Connection for the relay's own session (it holds the leader lock for as long as it lives). */
  pg: ClientConfig;
  kafka: Kafka;
  topicPrefix: string;
  /** Rows per round trip. */
  batchSize?: number;
  /** Longest pause between polls when the outbox is empty (an insert's NOTIFY wakes it sooner). */
  idleMs?: number;
  /**
   * While events keep coming, the shortest time between two rounds (default 20 ms): a burst is
   * sent in a few batches instead of a round trip to Kafka and PostgreSQL per event. The first
   * event after a quiet spell goes at once; later ones wait at most this long.
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
      client.on('error', () => undefined); // surfaced by the next query
      client.on('notification', () => {
        this.notified = true;
        this.wake?.();
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
      const { rows } = await client.query<OutboxRow>(
        'select id, topic, message_key, payload, headers from outbox where sent_at is null order by id limit $1',
        [batchSize],
      );
      if (rows.length > 0) {
        await producer.sendBatch({
          acks: -1,
          compression: CompressionTypes.None,
          topicMessages: this.byTopic(rows),
        });
        await client.query('update outbox set sent_at = now() where id = any($1::bigint[])', [
          rows.map((r) => r.id),
        ]);
      }
      await this.purgeSometimes(client);
      if (rows.length === 0) await this.sleep(this.options.idleMs ?? 500);
      else if (rows.length < batchSize) {
        // Busy: let the events that are still coming gather before the next round.
        const linger = (this.options.lingerMs ?? 20) - (Date.now() - roundStarted);
        if (linger > 0) await new Promise((resolve) => setTimeout(resolve, linger));
      }
    }
  }

  // Rows of one topic keep their id order inside topicMessages; kafkajs keeps per-partition order.
  private byTopic(rows: OutboxRow[]) {
    const topics = new Map<string, OutboxRow[]>();
    for (const row of rows) topics.set(row.topic, [...(topics.get(row.topic) ?? []), row]);
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

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (this.notified) {
        this.notified = false;
        return resolve();
      }
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        this.notified = false;
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
