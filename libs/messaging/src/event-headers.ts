/** Header names every message carries (ARCHITECTURE.md, Events). */
export const Header = {
  MessageId: 'message-id',
  Type: 'type',
  Version: 'version',
  OccurredAt: 'occurred-at',
  CorrelationId: 'correlation-id',
  CausationId: 'causation-id',
  Producer: 'producer',
  TraceParent: 'traceparent',
} as const;

/** Headers a dead letter adds to the original ones. */
export const DeadLetterHeader = {
  OriginalTopic: 'original-topic',
  OriginalPartition: 'original-partition',
  OriginalOffset: 'original-offset',
  ConsumerGroup: 'consumer-group',
  FailedAt: 'failed-at',
  ErrorKind: 'error-kind',
  ErrorMessage: 'error-message',
  ErrorReasons: 'error-reasons',
  ErrorAttempts: 'error-attempts',
  ReplayCount: 'replay-count',
} as const;

export type HeaderMap = Record<string, string>;

/** kafkajs header values are Buffer | string | arrays of those; we use single strings. */
export function readHeaders(raw: Record<string, unknown> | undefined): HeaderMap {
  const out: HeaderMap = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== null)
      out[name] = Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
  }
  return out;
}
