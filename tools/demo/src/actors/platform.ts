import { randomUUID } from 'node:crypto';
import {
  ComplaintReceived,
  encodeKey,
  ListingSignal,
  TakedownReported,
  type ComplaintReceivedValue,
  type EventDescriptor,
  type ListingSignalValue,
  type TakedownReportedValue,
} from '@qis/contracts';
import { Header, kafkaConnection } from '@qis/messaging';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';

export interface PlatformFeedOptions {
  /** `host:port` list; default `KAFKA_BROKERS`; the principal is KAFKA_SASL_USERNAME's (the local qis-admin) */
  brokers?: string[];
  /** default `KAFKA_TOPIC_PREFIX` or '' */
  prefix?: string;
}

/**
 * A platform's inbound feed over Kafka, as the platforms send it: listing observations
 * (`platform.listing-signal.v1`, consumed by planning, upserted like the bulk import),
 * complaints (`platform.complaint-received.v1`, counted by planning's complaints factor) and
 * takedown reports on failed batches (`platform.takedown-reported.v1`, attached to the case by
 * enforcement). Values are validated by the consumers (unknown fields refused): a bad one goes to
 * `<topic>.dlq`, not into the service.
 */
export class PlatformFeed {
  private constructor(
    private readonly producer: Producer,
    private readonly prefix: string,
  ) {}

  static async connect(options: PlatformFeedOptions = {}): Promise<PlatformFeed> {
    const kafka = new Kafka({
      ...kafkaConnection(),
      ...(options.brokers ? { brokers: options.brokers } : {}),
      clientId: 'qis-demo-platform',
      logLevel: logLevel.NOTHING,
    });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true });
    await producer.connect();
    return new PlatformFeed(producer, options.prefix ?? process.env['KAFKA_TOPIC_PREFIX'] ?? '');
  }

  /** Listing observations (key = platform + listing id); send many at once. */
  publishListings(listings: ListingSignalValue[]): Promise<void> {
    return this.send(
      ListingSignal,
      listings.map((value) => ({ key: { platform: value.platform, listingId: value.listingId }, value })),
    );
  }

  /** A complaint or report about a product (key = source + complaint id; the complainant is never named). */
  publishComplaint(complaint: ComplaintReceivedValue): Promise<void> {
    return this.send(ComplaintReceived, [
      { key: { source: complaint.source, complaintId: complaint.complaintId }, value: complaint },
    ]);
  }

  /** The platform's takedown report on a failed batch's listing (key = batch number). */
  reportTakedown(report: TakedownReportedValue): Promise<void> {
    return this.send(TakedownReported, [{ key: { batchNumber: report.batchNumber }, value: report }]);
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  private async send<K extends object, V extends object>(
    descriptor: EventDescriptor<K, V>,
    events: Array<{ key: K; value: V }>,
  ): Promise<void> {
    const occurredAt = new Date().toISOString();
    await this.producer.send({
      topic: `${this.prefix}${descriptor.topic}`,
      messages: events.map(({ key, value }) => {
        const encoded = encodeKey(descriptor, key);
        return {
          key: encoded,
          value: JSON.stringify(value),
          headers: {
            [Header.MessageId]: randomUUID(),
            [Header.Type]: descriptor.type,
            [Header.Version]: String(descriptor.version),
            [Header.OccurredAt]: occurredAt,
            [Header.CorrelationId]: encoded,
            [Header.Producer]: 'platform',
          },
        };
      }),
    });
  }
}
