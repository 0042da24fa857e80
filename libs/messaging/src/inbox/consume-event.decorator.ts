import { SetMetadata } from '@nestjs/common';
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
