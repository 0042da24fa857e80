import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { context } from '@opentelemetry/api';
import { HeldWrites } from '@qis/persistence';
import type { EntityManager } from 'typeorm';
import { validateEvent } from '@qis/contracts';
import type { EventContract } from '../event-contract';
import { Header, type HeaderMap } from '../event-headers';
import { causeContext, traceparentOf } from '../tracing/message-trace';

export const MESSAGING_PRODUCER = Symbol('MESSAGING_PRODUCER');

export interface OutgoingEvent<V extends object> {
  contract: EventContract<V>;
  /** The partition key: the batch number for flow events, so a batch's events stay in order. */
  key: string;
  value: V;
  /** Defaults to the key (the batch). */
  correlationId?: string;
  /** The message id of the event or request that caused this one. */
  causationId?: string;
  /**
   * W3C trace context to continue; by default the current span's (the HTTP request's, or the
   * consumed event's that `causationId` names), else a new trace.
   */
  traceparent?: string;
  occurredAt?: Date;
}

/**
 * Stores events in the outbox inside the caller's transaction, so an event exists if and only if
 * the state change that produced it committed. The relay publishes them afterwards.
 */
@Injectable()
export class OutboxPublisher {
  constructor(@Inject(MESSAGING_PRODUCER) private readonly producer: string) {}

  async publish(manager: EntityManager, events: ReadonlyArray<OutgoingEvent<object>>): Promise<string[]> {
    if (events.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'OutboxPublisher.publish must run inside a transaction (dataSource.transaction(manager => …))',
      );
    }
    const active = context.active();
    // One draw of randomness for the trace ids of the whole call (24 bytes an event), used where
    // no span is current (tracing off and no traced cause).
    const entropy = randomBytes(24 * events.length).toString('hex');
    const rows = events.map((event, i) => {
      const payload = JSON.stringify(event.value);
      // An event that breaks its own contract is a bug here, not the consumer's problem; what is
      // checked is exactly what is stored.
      const check = validateEvent(event.contract, JSON.parse(payload));
      if (!check.ok) {
        throw new Error(`event ${event.contract.type} breaks its contract: ${JSON.stringify(check.errors)}`);
      }
      const messageId = randomUUID();
      const traceparent =
        event.traceparent ??
        traceparentOf(causeContext(active, event.causationId)) ??
        `00-${entropy.slice(i * 48, i * 48 + 32)}-${entropy.slice(i * 48 + 32, i * 48 + 48)}-01`;
      const headers: HeaderMap = {
        [Header.MessageId]: messageId,
        [Header.Type]: event.contract.type,
        [Header.Version]: String(event.contract.version),
        [Header.OccurredAt]: (event.occurredAt ?? new Date()).toISOString(),
        [Header.CorrelationId]: event.correlationId ?? event.key,
        [Header.Producer]: this.producer,
        [Header.TraceParent]: traceparent,
        ...(event.causationId ? { [Header.CausationId]: event.causationId } : {}),
      };
      return [messageId, event.contract.topic, event.key, payload, JSON.stringify(headers)];
    });
    const placeholders = rows.map(
      (_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5}::jsonb)`,
    );
    // In order with the transaction's statements, and with the next of them where the connection
    // defers writes (the lab gateway's): an outbox row is read by nothing in its own transaction.
    await HeldWrites.writeWithNext(manager, {
      sql: `insert into outbox (message_id, topic, message_key, payload, headers) values ${placeholders.join(', ')}`,
      params: rows.flat(),
    });
    return rows.map((r) => r[0]);
  }
}
