/**
 * What messaging needs to know of an event contract (libs/contracts defines one per event).
 * Topics here are unprefixed; the configured KAFKA_TOPIC_PREFIX is applied at the edge.
 */
export interface EventContract<V extends object = object> {
  topic: string;
  type: string;
  version: number;
  value: new () => V;
}
