/**
 * Operators' batch trace: every event of one batch across the flow topics and their dead-letter
 * topics, in the order they happened (events are keyed by batch number, so this is the batch's
 * whole story as the services told it).
 *
 *   npm run trace -- HZ2026-000123
 *
 * Reads KAFKA_BROKERS (default: the local infrastructure) and KAFKA_TOPIC_PREFIX.
 */
import { BATCH_NUMBER, declaredTopics } from '@qis/contracts';
import { DeadLetterHeader, Header, readDeadLetters, type DeadLetter } from '@qis/messaging';
import { Kafka, logLevel } from 'kafkajs';

const shanghai = (iso: string | undefined): string =>
  iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19) : '?';

/** The few fields that tell what happened, from an event's value. */
function gist(value: Buffer | null): string {
  if (!value) return '';
  try {
    const v = JSON.parse(value.toString()) as Record<string, unknown>;
    const pick = [
      'status',
      'purpose',
      'labName',
      'verdict',
      'basis',
      'failingItems',
      'rule',
      'trackingNumber',
    ];
    const parts = pick.filter((k) => v[k] !== undefined).map((k) => `${k}=${JSON.stringify(v[k])}`);
    const authority = v['authority'] as { name?: string } | undefined;
    if (authority?.name) parts.push(`authority=${authority.name}`);
    return parts.join(' ');
  } catch {
    return '(not JSON)';
  }
}

async function main(): Promise<number> {
  const batchNumber = process.argv[2];
  if (!batchNumber || !BATCH_NUMBER.test(batchNumber)) {
    process.stderr.write('usage: npm run trace -- <batch number, e.g. HZ2026-000123>\n');
    return 2;
  }
  const prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
  const brokers = (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:19092').split(',');
  const kafka = new Kafka({ clientId: 'qis-trace', brokers, logLevel: logLevel.ERROR });
  const topics = declaredTopics().flatMap((t) => [`${prefix}${t}`, `${prefix}${t}.dlq`]);
  const found: DeadLetter[] = [];
  for (const topic of topics) {
    // The reader takes every message of a topic with its headers, dead letter or not.
    const messages = await readDeadLetters(kafka, topic).catch(() => []);
    found.push(...messages.filter((m) => m.key === batchNumber));
  }
  const at = (m: DeadLetter) => m.headers[DeadLetterHeader.FailedAt] ?? m.headers[Header.OccurredAt] ?? '';
  found.sort((a, b) => at(a).localeCompare(at(b)));
  process.stdout.write(`${batchNumber}: ${found.length} event(s) (times in Asia/Shanghai)\n`);
  for (const m of found) {
    const dead = m.topic.endsWith('.dlq');
    process.stdout.write(
      [
        shanghai(at(m)),
        m.topic.slice(prefix.length).padEnd(42),
        (m.headers[Header.Producer] ?? '').padEnd(12),
        dead ? `DEAD LETTER ${m.headers[DeadLetterHeader.ErrorMessage] ?? ''}` : gist(m.value),
      ].join('  ') + '\n',
    );
  }
  return found.some((m) => m.topic.endsWith('.dlq')) ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`trace: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
