import type { Producer, ServiceName } from '../conventions/vocabulary';
import type { TopicName } from '../topics';

/** A valid key and value of an event: documentation, a fixture for tests, and the AsyncAPI example. */
export interface EventExample<K extends object, V extends object> {
  readonly key: K;
  readonly value: V;
}

/**
 * Everything known about one event. It satisfies messaging's `EventContract` (topic, type,
 * version, value), so a descriptor is passed to the publisher and the consumer as it is.
 */
export interface EventDescriptor<K extends object = object, V extends object = object> {
  /** `<owner>.<event-in-kebab>.v<major>` */
  readonly topic: TopicName;
  /** The `type` header: the topic without its version. */
  readonly type: string;
  /** The `version` header: the topic's major version. */
  readonly version: number;
  readonly owner: Producer;
  /** Services that subscribe to the topic (AsyncAPI receive operations). */
  readonly consumers: readonly ServiceName[];
  readonly key: new () => K;
  /**
   * The key's fields in wire order. The Kafka key is these values joined with `:` (none of
   * them may contain one), e.g. `HZ2026-000123` or `taobao:7012345678`.
   */
  readonly keyFields: readonly string[];
  readonly value: new () => V;
  readonly description: string;
  readonly example: EventExample<K, V>;
}

/** Checks at compile time that the key fields belong to the key class. */
export const defineEvent = <K extends object, V extends object>(
  descriptor: EventDescriptor<K, V> & { keyFields: readonly (keyof K & string)[] },
): EventDescriptor<K, V> => descriptor;
