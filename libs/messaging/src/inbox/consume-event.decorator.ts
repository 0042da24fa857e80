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

/**
 * Marks a provider method as the handler of one event contract. The method runs inside the
 * inbox transaction: exactly once in effect per consumer group, retried on failure, then sent to
 * the dead-letter topic. Throw to fail; never catch-and-ignore.
 */
export const ConsumeEvent = (contract: EventContract): MethodDecorator =>
  SetMetadata(CONSUME_EVENT, contract);
