/**
 * Operators' dead-letter tool.
 *
 *   npm run dlq -- list <topic>
 *   npm run dlq -- inspect <topic> <partition>:<offset>
 *   npm run dlq -- replay <topic> (--all | <partition>:<offset> ...) [--group <consumer-group>]
 *
 * <topic> is the topic the messages failed on (e.g. lab.report-issued.v1); KAFKA_TOPIC_PREFIX and
 * the `.dlq` suffix are applied here. Reads KAFKA_BROKERS and the operator's principal
 * (KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD; run-tool.sh: the local qis-admin). A replay re-sends
 * to topics no stage principal may write, so it runs as an operator principal, never a service's.
 */
import { parseArgs } from 'node:util';
import {
  DeadLetterHeader,
  kafkaConnection,
  KafkaPublisher,
  readDeadLetters,
  replayDeadLetters,
  type DeadLetter,
} from '@qis/messaging';
import { Kafka, logLevel } from 'kafkajs';

const usage =
  'usage: dlq list <topic> | inspect <topic> <partition>:<offset> | replay <topic> (--all | <partition>:<offset> ...) [--group <group>]';

function position(letter: DeadLetter): string {
  return `${letter.partition}:${letter.offset}`;
}

function summary(letter: DeadLetter): string {
  const h = letter.headers;
  return [
    position(letter).padEnd(8),
    (letter.key ?? '(no key)').padEnd(16),
    (h[DeadLetterHeader.FailedAt] ?? '').padEnd(25),
    (h[DeadLetterHeader.ConsumerGroup] ?? '').padEnd(24),
    (h[DeadLetterHeader.ErrorKind] ?? '').padEnd(15),
    h[DeadLetterHeader.ErrorMessage] ?? '',
  ].join(' ');
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { all: { type: 'boolean', default: false }, group: { type: 'string' } },
  });
  const [command, topic, ...rest] = positionals;
  if (!command || !topic) {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  const prefix = process.env['KAFKA_TOPIC_PREFIX'] ?? '';
  const kafka = new Kafka({ ...kafkaConnection(), clientId: 'qis-dlq-tool', logLevel: logLevel.ERROR });
  const dlq = `${prefix}${topic}.dlq`;
  const letters = await readDeadLetters(kafka, dlq);

  if (command === 'list') {
    process.stdout.write(`${letters.length} dead letter(s) in ${dlq}\n`);
    for (const letter of letters) process.stdout.write(`${summary(letter)}\n`);
    return 0;
  }
  if (command === 'inspect') {
    const letter = letters.find((l) => position(l) === rest[0]);
    if (!letter) {
      process.stderr.write(`no dead letter at ${rest[0] ?? '(none given)'} in ${dlq}\n`);
      return 1;
    }
    const text = letter.value?.toString('utf8') ?? null;
    let value: unknown = text;
    try {
      value = text === null ? null : JSON.parse(text);
    } catch {
      // not JSON: show it as text
    }
    process.stdout.write(
      `${JSON.stringify({ topic: dlq, partition: letter.partition, offset: letter.offset, key: letter.key, headers: letter.headers, value }, null, 2)}\n`,
    );
    return 0;
  }
  if (command === 'replay') {
    let chosen = values.all ? letters : letters.filter((l) => rest.includes(position(l)));
    if (values.group)
      chosen = chosen.filter((l) => l.headers[DeadLetterHeader.ConsumerGroup] === values.group);
    if (!values.all && rest.length === 0) {
      process.stderr.write(`replay needs --all or positions\n${usage}\n`);
      return 2;
    }
    const publisher = new KafkaPublisher(kafka);
    try {
      const count = await replayDeadLetters(publisher, chosen);
      process.stdout.write(`replayed ${count} dead letter(s) from ${dlq}\n`);
    } finally {
      await publisher.onApplicationShutdown();
    }
    return 0;
  }
  process.stderr.write(`unknown command ${command}\n${usage}\n`);
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`dlq: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
