import { randomUUID } from 'node:crypto';
import { Header, prefixedTopic, type EventContract } from '@qis/messaging';
import type { Producer } from 'kafkajs';

/**
 * Sends events as the service that owns them would: the JSON value keyed by `key`, the standard
 * headers (message id, type, version, occurred-at, correlation id = the key, producer), on the
 * contract's topic under this run's topic prefix.
 */
export async function sendEvents<V extends object>(
  producer: Producer,
  contract: Pick<EventContract<V>, 'topic' | 'type' | 'version'>,
  events: ReadonlyArray<{ key: string; value: V }>,
  from: string,
): Promise<void> {
  const occurredAt = new Date().toISOString();
  await producer.send({
    topic: prefixedTopic(contract.topic),
    messages: events.map(({ key, value }) => ({
      key,
      value: JSON.stringify(value),
      headers: {
        [Header.MessageId]: randomUUID(),
        [Header.Type]: contract.type,
        [Header.Version]: String(contract.version),
        [Header.OccurredAt]: occurredAt,
        [Header.CorrelationId]: key,
        [Header.Producer]: from,
      },
    })),
  });
}
