import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Kafka, Partitioners, type IHeaders, type Producer } from 'kafkajs';

/** A message as it goes on the wire: the value is already serialised (or passed through untouched). */
export interface OutgoingMessage {
  topic: string;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, string>;
}

/**
 * An idempotent producer with acks from all in-sync replicas, for what does not go through the
 * outbox: dead letters and their replays. `publish` resolves once the broker acknowledged.
 */
@Injectable()
export class KafkaPublisher implements OnApplicationShutdown {
  private producer?: Producer;
  private connecting?: Promise<Producer>;

  constructor(private readonly kafka: Kafka) {}

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.connecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      producer.on(producer.events.DISCONNECT, () => {
        if (this.producer === producer) this.producer = undefined;
      });
      await producer.connect();
      this.producer = producer;
      return producer;
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  async publish(messages: readonly OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connected();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers as IHeaders })),
      })),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer?.disconnect().catch(() => undefined);
  }
}
