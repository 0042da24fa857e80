/**
 * A platform's consumer of its QIS result feed, as a platform would run it: reads result notices
 * and final results of samples bought on the platform from `feed.<platform>.results.v1` with the
 * platform's SCRAM credential, acts on each once (a message id it has already handled is skipped),
 * commits only what it has handled, and reports a takedown (下架反馈) on
 * `feed.<platform>.takedowns.v1`. It depends on kafkajs alone: copy it and replace `act`.
 *
 *   QIS_FEED_BROKERS=qis-kafka.example.gov.cn:9094 QIS_PLATFORM=taobao \
 *   QIS_FEED_USERNAME=feed-taobao QIS_FEED_PASSWORD=… node platform-consumer.js
 *
 * Optional: QIS_FEED_SSL=true (SASL_SSL where the bureau has certificates), QIS_FEED_MECHANISM
 * (scram-sha-256), QIS_FEED_GROUP_PREFIX (as given with the credential), QIS_TOPIC_PREFIX (test
 * environments), QIS_TAKEDOWN=true (report a takedown for each failed final result, as a
 * platform's automation might).
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, Partitioners, type SASLOptions } from 'kafkajs';

/** What a feed item carries (docs/asyncapi.yaml, PlatformFeedItem): never a buyer or an address. */
export interface FeedItem {
  kind: 'result-notice' | 'final-result';
  batchNumber: string;
  listingId?: string;
  listingUrl?: string;
  sellerName?: string;
  shopName?: string;
  verdict: 'pass' | 'fail';
  reportNumber: string;
  orderNumber?: string;
  noticeNumber?: string;
  objectionDeadline?: string;
  publicNotice?: boolean;
  basis?: string;
  sampleName?: string;
  mainNonconformingItems?: string[];
  occurredAt: string;
}

export interface FeedOptions {
  brokers: string[];
  platform: string;
  username: string;
  password: string;
  mechanism?: 'scram-sha-256' | 'scram-sha-512';
  ssl?: boolean;
  topicPrefix?: string;
  /** The consumer group prefix the bureau gave with the credential (`feed.<platform>.`). */
  groupPrefix?: string;
}

const feedKafka = (o: FeedOptions) =>
  new Kafka({
    clientId: `qis-feed-${o.platform}`,
    brokers: o.brokers,
    ssl: o.ssl ?? false,
    sasl: {
      mechanism: o.mechanism ?? 'scram-sha-256',
      username: o.username,
      password: o.password,
    } as SASLOptions,
    logLevel: logLevel.WARN,
  });

/**
 * Consumes the platform's feed until `signal` aborts. `act` runs once per message id; the offset is
 * committed after it returns, so a crash re-delivers only what was not acted on. Groups must start
 * with the prefix the bureau gave (`feed.<platform>.`): the broker's ACLs allow only those.
 */
export async function consumeFeed(
  o: FeedOptions,
  act: (item: FeedItem, messageId: string) => Promise<void>,
  signal: AbortSignal,
): Promise<void> {
  const topic = `${o.topicPrefix ?? ''}feed.${o.platform}.results.v1`;
  const groupId = `${o.groupPrefix ?? `feed.${o.platform}.`}actions`;
  const consumer = feedKafka(o).consumer({ groupId, allowAutoTopicCreation: false });
  const handled = new Set<string>(); // in production: a table with a unique message id
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      const messageId = message.headers?.['message-id']?.toString() ?? '';
      const type = message.headers?.['type']?.toString();
      if (messageId && !handled.has(messageId) && type === 'disclosure.platform-feed-item') {
        await act(JSON.parse(message.value?.toString() ?? '{}') as FeedItem, messageId);
        handled.add(messageId);
      }
      await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
    },
  });
  await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  await consumer.disconnect();
}

/** Reports that the platform acted on a failed batch (its listing removed, the seller warned …). */
export async function reportTakedown(
  o: FeedOptions,
  report: { batchNumber: string; listingId: string; action: string; actedAt: string; note?: string },
): Promise<void> {
  const producer = feedKafka(o).producer({
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  try {
    await producer.send({
      topic: `${o.topicPrefix ?? ''}feed.${o.platform}.takedowns.v1`,
      acks: -1,
      messages: [
        {
          key: report.batchNumber,
          value: JSON.stringify(report),
          headers: { 'message-id': randomUUID(), type: 'platform.takedown-report', version: '1' },
        },
      ],
    });
  } finally {
    await producer.disconnect();
  }
}

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const options: FeedOptions = {
    brokers: env('QIS_FEED_BROKERS').split(','),
    platform: env('QIS_PLATFORM'),
    username: env('QIS_FEED_USERNAME'),
    password: env('QIS_FEED_PASSWORD'),
    mechanism: (process.env['QIS_FEED_MECHANISM'] as FeedOptions['mechanism']) ?? 'scram-sha-256',
    ssl: process.env['QIS_FEED_SSL'] === 'true',
    topicPrefix: process.env['QIS_TOPIC_PREFIX'],
    groupPrefix: process.env['QIS_FEED_GROUP_PREFIX'],
  };
  const stop = new AbortController();
  process.on('SIGTERM', () => stop.abort());
  process.on('SIGINT', () => stop.abort());
  await consumeFeed(
    options,
    async (item, messageId) => {
      // Replace with the platform's own action: flag the listing, warn the seller, take it down.
      process.stdout.write(`${JSON.stringify({ messageId, ...item })}\n`);
      if (process.env['QIS_TAKEDOWN'] === 'true' && item.kind === 'final-result' && item.verdict === 'fail')
        await reportTakedown(options, {
          batchNumber: item.batchNumber,
          listingId: item.listingId ?? '',
          action: 'listing-removed',
          actedAt: new Date().toISOString(),
        });
    },
    stop.signal,
  );
}

if (require.main === module)
  main().catch((error: unknown) => {
    process.stderr.write(`platform consumer failed: ${String(error)}\n`);
    process.exit(1);
  });
