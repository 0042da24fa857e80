/**
 * Operators' batch trace: every event of one batch across the flow topics and their dead-letter
 * topics, in the order they happened (events are keyed by batch number, so this is the batch's
 * whole story as the services told it).
 *
 *   npm run trace -- HZ2026-000123
 *
 * Then the spans of each trace those events belong to (their `traceparent`), as a tree, when the
 * services export traces and QIS_JAEGER_URL answers (`QIS_TRACING=1 npm start`, docs/operations.md).
 *
 * Reads KAFKA_BROKERS, the principal's KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD (run-tool.sh: the
 * local qis-admin) and KAFKA_TOPIC_PREFIX.
 */
import { randomUUID } from 'node:crypto';
import { BATCH_NUMBER, declaredTopics } from '@qis/contracts';
import { DeadLetterHeader, Header, kafkaConnection, readHeaders } from '@qis/messaging';
import { formatTraceTree, readJaegerTrace } from '@qis/tracing';
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

interface Found {
  topic: string;
  headers: Record<string, string>;
  value: Buffer | null;
}

/** Every message keyed `batchNumber` on `topics`, read from the start up to their current end. */
async function readBatch(kafka: Kafka, topics: string[], batchNumber: string): Promise<Found[]> {
  const admin = kafka.admin();
  await admin.connect();
  const pending = new Map<string, bigint>();
  try {
    for (const topic of topics)
      for (const p of await admin.fetchTopicOffsets(topic))
        if (BigInt(p.high) > BigInt(p.low)) pending.set(`${topic}/${p.partition}`, BigInt(p.high) - 1n);
  } finally {
    await admin.disconnect();
  }
  const found: Found[] = [];
  if (pending.size === 0) return found;
  const consumer = kafka.consumer({ groupId: `qis-trace-${randomUUID()}`, allowAutoTopicCreation: false });
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('reading the topics took longer than 120 s')), 120_000);
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          if (message.key?.toString() === batchNumber)
            found.push({
              topic,
              headers: readHeaders(message.headers as Record<string, unknown>),
              value: message.value,
            });
          const id = `${topic}/${partition}`;
          const last = pending.get(id);
          if (last !== undefined && BigInt(message.offset) >= last) pending.delete(id);
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
  return found;
}

async function main(): Promise<number> {
  const batchNumber = process.argv[2];
  if (!batchNumber || !BATCH_NUMBER.test(batchNumber)) {
    process.stderr.write('usage: npm run trace -- <batch number, e.g. HZ2026-000123>\n');
    return 2;
  }
  const prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
  const kafka = new Kafka({ ...kafkaConnection(), clientId: 'qis-trace', logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  await admin.disconnect();
  const topics = declaredTopics()
    .flatMap((t) => [`${prefix}${t}`, `${prefix}${t}.dlq`])
    .filter((t) => existing.has(t));
  const found = await readBatch(kafka, topics, batchNumber);
  const at = (m: Found) => m.headers[DeadLetterHeader.FailedAt] ?? m.headers[Header.OccurredAt] ?? '';
  found.sort((a, b) => at(a).localeCompare(at(b)));
  process.stdout.write(
    `${batchNumber}: ${found.length} event(s) on ${topics.length} topics (times in Asia/Shanghai)\n`,
  );
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
  await printTraces(found);
  return found.some((m) => m.topic.endsWith('.dlq')) ? 1 : 0;
}

/** The span tree of every trace the batch's events carry, from Jaeger's query API. */
async function printTraces(found: Found[]): Promise<void> {
  const traceIds = [...new Set(found.flatMap((m) => m.headers[Header.TraceParent]?.split('-')[1] ?? []))];
  const jaeger = process.env['QIS_JAEGER_URL'];
  if (traceIds.length === 0) return;
  const reachable =
    jaeger !== undefined &&
    (await fetch(`${jaeger}/api/services`).then(
      (r) => r.ok,
      () => false,
    ));
  if (!reachable) {
    process.stdout.write(
      `\ntraces ${traceIds.join(' ')}: no Jaeger at ${jaeger ?? '(QIS_JAEGER_URL unset)'} (QIS_TRACING=1 npm start records them)\n`,
    );
    return;
  }
  for (const traceId of traceIds) {
    const spans = await readJaegerTrace(jaeger, traceId);
    process.stdout.write(`\ntrace ${traceId}: ${spans.length} span(s), ${jaeger}/api/traces/${traceId}\n`);
    if (spans.length > 0) process.stdout.write(`${formatTraceTree(spans)}\n`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`trace: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
