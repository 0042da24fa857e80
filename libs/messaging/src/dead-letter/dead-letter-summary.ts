import { DeadLetterHeader, Header } from '../event-headers';
import type { DeadLetter } from './dead-letters';

/** One field's problems, as the consumer recorded them in `error-reasons`. */
export interface DeadLetterReason {
  field: string;
  reasons: string[];
}

/** What an operator needs to see of a dead letter, read from its headers. */
export interface DeadLetterSummary {
  /** `<partition>:<offset>` in the dead-letter topic, as `replay` takes it. */
  position: string;
  partition: number;
  offset: string;
  key: string | null;
  messageId: string | null;
  type: string | null;
  originalTopic: string | null;
  originalPartition: number | null;
  originalOffset: string | null;
  consumerGroup: string | null;
  failedAt: string | null;
  errorKind: string | null;
  errorMessage: string | null;
  reasons: DeadLetterReason[];
  /** Handler attempts before it was dead-lettered (0 for poison). */
  attempts: number | null;
  /** How often it had been replayed before this letter was written. */
  replayCount: number;
}

const deadLetterPosition = (letter: Pick<DeadLetter, 'partition' | 'offset'>): string =>
  `${letter.partition}:${letter.offset}`;

const numberOrNull = (text: string | undefined): number | null =>
  text === undefined || text === '' || !Number.isFinite(Number(text)) ? null : Number(text);

/** `error-reasons` is JSON written by the consumer; anything else is kept as one reason. */
function parseReasons(text: string | undefined): DeadLetterReason[] {
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    if (Array.isArray(parsed))
      return parsed
        .filter((r): r is { field: unknown; reasons: unknown } => typeof r === 'object' && r !== null)
        .map((r) => ({
          field: String(r.field),
          reasons: Array.isArray(r.reasons) ? r.reasons.map(String) : [String(r.reasons)],
        }));
  } catch {
    // not JSON: fall through
  }
  return [{ field: '(value)', reasons: [text] }];
}

export function summarizeDeadLetter(letter: DeadLetter): DeadLetterSummary {
  const h = letter.headers;
  return {
    position: deadLetterPosition(letter),
    partition: letter.partition,
    offset: letter.offset,
    key: letter.key,
    messageId: h[Header.MessageId] ?? null,
    type: h[Header.Type] ?? null,
    originalTopic: h[DeadLetterHeader.OriginalTopic] ?? null,
    originalPartition: numberOrNull(h[DeadLetterHeader.OriginalPartition]),
    originalOffset: h[DeadLetterHeader.OriginalOffset] ?? null,
    consumerGroup: h[DeadLetterHeader.ConsumerGroup] ?? null,
    failedAt: h[DeadLetterHeader.FailedAt] ?? null,
    errorKind: h[DeadLetterHeader.ErrorKind] ?? null,
    errorMessage: h[DeadLetterHeader.ErrorMessage] ?? null,
    reasons: parseReasons(h[DeadLetterHeader.ErrorReasons]),
    attempts: numberOrNull(h[DeadLetterHeader.ErrorAttempts]),
    replayCount: numberOrNull(h[DeadLetterHeader.ReplayCount]) ?? 0,
  };
}
