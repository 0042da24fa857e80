import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ServiceConfig } from '@qis/config';
import {
  EventHandlerRegistry,
  readDeadLetters,
  summarizeDeadLetter,
  type DeadLetter,
  type DeadLetterSummary,
} from '@qis/messaging';
import { Kafka, KafkaJSProtocolError } from 'kafkajs';
import { DataSource } from 'typeorm';
import { CONSUMER_GROUP, SERVICE_CONFIG } from '../service-definition';

/** A letter of this service with its summary and whether this service applied it since. */
export interface OwnDeadLetter {
  letter: DeadLetter;
  summary: DeadLetterSummary;
  applied: boolean;
}

/**
 * This service's dead letters: those its consumer group wrote to the dead-letter topics of the
 * topics it consumes. Other services' letters on a shared topic are theirs to show and replay.
 */
@Injectable()
export class DeadLetterBox {
  constructor(
    private readonly kafka: Kafka,
    private readonly registry: EventHandlerRegistry,
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    @Inject(CONSUMER_GROUP) readonly consumerGroup: string,
  ) {}

  /** The topics this service consumes (without the prefix), in name order. */
  topics(): string[] {
    return [...new Set(this.registry.handlers().map((h) => h.contract.topic))].sort();
  }

  /** 404 unless this service consumes `topic`. */
  assertConsumed(topic: string): void {
    if (!this.topics().includes(topic))
      throw new NotFoundException({
        statusCode: 404,
        error: 'Not Found',
        message: `this service consumes no topic ${topic}`,
      });
  }

  deadLetterTopic(topic: string): string {
    return `${this.config.KAFKA_TOPIC_PREFIX}${topic}.dlq`;
  }

  /** This service's letters on `topic`'s dead-letter topic, in partition and offset order. */
  async read(topic: string): Promise<OwnDeadLetter[]> {
    let letters: DeadLetter[];
    try {
      letters = await readDeadLetters(this.kafka, this.deadLetterTopic(topic));
    } catch (error) {
      // A dead-letter topic nobody created yet holds no letters.
      if (error instanceof KafkaJSProtocolError && error.type === 'UNKNOWN_TOPIC_OR_PARTITION') return [];
      throw error;
    }
    const own = letters.map(summarizeDeadLetter).map((summary, i) => ({ letter: letters[i], summary }));
    const mine = own.filter((l) => l.summary.consumerGroup === this.consumerGroup);
    const applied = await this.appliedMessageIds(mine.map((l) => l.summary.messageId));
    return mine.map((l) => ({
      ...l,
      applied: l.summary.messageId !== null && applied.has(l.summary.messageId),
    }));
  }

  private async appliedMessageIds(ids: Array<string | null>): Promise<Set<string>> {
    const uuids = ids.filter((id): id is string => id !== null && UUID.test(id));
    if (uuids.length === 0) return new Set();
    const rows: Array<{ message_id: string }> = await this.dataSource.query(
      'select message_id from inbox where consumer_group = $1 and message_id = any($2::uuid[])',
      [this.consumerGroup, [...new Set(uuids)]],
    );
    return new Set(rows.map((r) => r.message_id));
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
