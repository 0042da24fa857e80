import { SetMetadata } from '@nestjs/common';
import type { Context } from '@opentelemetry/api';
import type { EntityManager } from 'typeorm';
import type { EventContract } from '../event-contract';
import type { HeaderMap } from '../event-headers';

export const CONSUME_EVENT = Symbol('qis:consume-event');

/** What a handler gets besides the validated event. */
export interface EventContext {
  /** The consumer's transaction: the inbox row and the handler's writes commit together. */
  manager: EntityManager;
  messageId: string;
  key: string;
  headers: HeaderMap;
  topic: string;
  partition: number;
  offset: string;
  /**
   * The trace context of the event's processing span (a child of its `traceparent`): the handler
   * runs in it. Absent where a test calls a handler directly.
   */
  traceContext?: Context;
}

export type EventHandler<V> = (event: V, context: EventContext) => Promise<void>;

/** One event of a batch given to a `@ConsumeEventBatch` handler. */
export interface ConsumedEvent<V> {
  event: V;
  context: EventContext;
}

export type EventBatchHandler<V> = (events: ReadonlyArray<ConsumedEvent<V>>) => Promise<void>;

export interface ConsumeEventMetadata {
  contract: EventContract;
  mode: 'each' | 'batch';
}

/**
 * Marks a provider method as the handler of one event contract. The method runs inside the
 * inbox transaction: exactly once in effect per consumer group, retried on failure, then sent to
 * the dead-letter topic. Throw to fail; never catch-and-ignore.
 *
 * The events of a chunk share one transaction, which holds writes (`HeldWrites` of
 * `@qis/persistence`): a write that needs nothing back, made with `HeldWrites.write`, goes with the
 * chunk's other held writes in one statement after the last handler returned (the same single-row
 * insert of each event as one multi-row insert). So no handler of the chunk, this event's or a
 * later one's, may read such a write back; statements sent with `manager` run at once as always.
 * After a failure each event is retried alone, and its writes go at once.
 */
export const ConsumeEvent = (contract: EventContract): MethodDecorator =>
  SetMetadata(CONSUME_EVENT, { contract, mode: 'each' } satisfies ConsumeEventMetadata);

/**
 * Like `@ConsumeEvent`, for handlers that apply many events with a few statements (a bulk
 * insert): the method gets the new events of a chunk, in order, in one inbox transaction. After
 * a failure the events are retried one at a time, each as a batch of one.
 */
export const ConsumeEventBatch = (contract: EventContract): MethodDecorator =>
  SetMetadata(CONSUME_EVENT, { contract, mode: 'batch' } satisfies ConsumeEventMetadata);
