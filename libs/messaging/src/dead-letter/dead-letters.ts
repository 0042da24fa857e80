import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { DeadLetterHeader, readHeaders, type HeaderMap } from '../event-headers';
import type { KafkaPublisher } from '../kafka-publisher';
import { prefixedTopic } from '../kafka-options';

export interface DeadLetter {
  /** The dead-letter topic and position of this letter. */
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: HeaderMap;
}

const DEAD_LETTER_HEADERS = new Set<string>(Object.values(DeadLetterHeader));

/** Reads every message of a dead-letter topic, from the start to the current end. */
export async function readDeadLetters(
  kafka: Kafka,
  dlqTopic: string,
  timeoutMs = 30_000,
): Promise<DeadLetter[]> {
  const admin = kafka.admin();
  await admin.connect();
  // Under the topic prefix, as every group: a principal's ACLs name `<prefix>qis-dlq-reader-*`
  // (tools/kafka-acl), and an unprefixed group was refused, the read timing out (500).
  const groupId = prefixedTopic(`qis-dlq-reader-${randomUUID()}`);
  try {
    const ends = await admin.fetchTopicOffsets(dlqTopic);
    const pending = new Map(
      ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high) - 1n]),
    );
    const letters: DeadLetter[] = [];
    if (pending.size === 0) return letters;
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic: dlqTopic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`reading ${dlqTopic} took longer than ${timeoutMs} ms`)),
          timeoutMs,
        );
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            letters.push({
              topic: dlqTopic,
              partition,
              offset: message.offset,
              key: message.key?.toString() ?? null,
              value: message.value,
              headers: readHeaders(message.headers as Record<string, unknown>),
            });
            const last = pending.get(partition);
            if (last !== undefined && BigInt(message.offset) >= last) pending.delete(partition);
            if (pending.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return letters.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

/**
 * Sends dead letters back to the topic they failed on, with their key, value and original headers
 * (the message id is kept: consumers that had applied it skip it, the one that failed applies it)
 * and a `replay-count`.
 */
export async function replayDeadLetters(
  publisher: KafkaPublisher,
  letters: readonly DeadLetter[],
): Promise<number> {
  await publisher.publish(
    letters.map((letter) => {
      const original = letter.headers[DeadLetterHeader.OriginalTopic];
      if (!original)
        throw new Error(
          `${letter.topic}@${letter.partition}:${letter.offset} has no ${DeadLetterHeader.OriginalTopic} header`,
        );
      const headers: HeaderMap = {};
      for (const [name, value] of Object.entries(letter.headers))
        if (!DEAD_LETTER_HEADERS.has(name)) headers[name] = value;
      headers[DeadLetterHeader.ReplayCount] = String(
        Number(letter.headers[DeadLetterHeader.ReplayCount] ?? '0') + 1,
      );
      return { topic: original, key: letter.key, value: letter.value, headers };
    }),
  );
  return letters.length;
}
