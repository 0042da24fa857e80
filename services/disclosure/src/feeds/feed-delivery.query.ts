import { Injectable } from '@nestjs/common';
import { deadLetterTopic, PlatformFeedTopics } from '@qis/contracts';
import { Kafka, type Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import { FeedBroker } from './feed-broker';
import { FeedPlatform } from './feed-platform.entity';
import type { FeedConsumerGroupView, FeedDeliveryView } from './feed-delivery.view';

interface BrokerFigures {
  topicItems: number;
  consumerGroups: FeedConsumerGroupView[];
  failures: number;
}

/**
 * Each registered platform's delivery state: items written to its feed (disclosure's own count),
 * items not yet relayed (the outbox), and from the broker how far its consumer groups have read
 * (committed offsets against the topic's end) and its dead-lettered takedown reports.
 */
@Injectable()
export class FeedDeliveryQuery {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: Kafka,
    private readonly broker: FeedBroker,
  ) {}

  async list(): Promise<FeedDeliveryView[]> {
    const platforms = await this.dataSource.getRepository(FeedPlatform).find({ order: { code: 'ASC' } });
    if (platforms.length === 0) return [];
    const pending: Array<{ topic: string; count: string; oldest: Date | null }> = await this.dataSource.query(
      `select topic, count(*) as count, min(created_at) as oldest from outbox
        where sent_at is null and topic = any($1::text[]) group by topic`,
      [platforms.map((p) => PlatformFeedTopics.results(p.code))],
    );
    let figures: Map<string, BrokerFigures> | undefined;
    let brokerError: string | null = null;
    try {
      figures = await this.brokerFigures(platforms.map((p) => p.code));
    } catch (error) {
      brokerError = (error as Error).message;
    }
    return platforms.map((p) => {
      const waiting = pending.find((r) => r.topic === PlatformFeedTopics.results(p.code));
      const f = figures?.get(p.code);
      const lag = f
        ? f.consumerGroups.length > 0
          ? Math.min(...f.consumerGroups.map((g) => g.lag))
          : f.topicItems
        : null;
      return {
        code: p.code,
        name: p.name,
        itemsWritten: p.itemsWritten,
        lastItemAt: p.lastItemAt?.toISOString() ?? null,
        pendingItems: Number(waiting?.count ?? 0),
        oldestPendingAt: waiting?.oldest ? new Date(waiting.oldest).toISOString() : null,
        topicItems: f?.topicItems ?? null,
        consumerGroups: f?.consumerGroups ?? [],
        lag,
        failures: f?.failures ?? null,
        brokerError,
      };
    });
  }

  private async brokerFigures(codes: readonly string[]): Promise<Map<string, BrokerFigures>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.listGroups();
      const topics = new Set(await admin.listTopics());
      const result = new Map<string, BrokerFigures>();
      for (const code of codes) {
        const { results, takedowns, groupPrefix } = this.broker.topics(code);
        const ends = await this.partitionCounts(admin, topics, results);
        const topicItems = [...ends.values()].reduce((a, b) => a + b, 0);
        const consumerGroups: FeedConsumerGroupView[] = [];
        for (const { groupId } of groups.filter((g) => g.groupId.startsWith(groupPrefix))) {
          const [offsets] = await admin.fetchOffsets({ groupId, topics: [results] });
          const committed = (offsets?.partitions ?? []).reduce(
            (sum, p) => sum + Math.max(0, Number(p.offset)),
            0,
          );
          consumerGroups.push({ groupId, committed, lag: Math.max(0, topicItems - committed) });
        }
        const dead = await this.partitionCounts(admin, topics, deadLetterTopic(takedowns), true);
        result.set(code, {
          topicItems,
          consumerGroups,
          failures: [...dead.values()].reduce((a, b) => a + b, 0),
        });
      }
      return result;
    } finally {
      await admin.disconnect();
    }
  }

  /** Messages per partition: the end offset (or end − start, `retained`); an absent topic has none. */
  private async partitionCounts(
    admin: Admin,
    topics: ReadonlySet<string>,
    topic: string,
    retained = false,
  ): Promise<Map<number, number>> {
    if (!topics.has(topic)) return new Map();
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(
      offsets.map((o) => [o.partition, Number(o.high) - (retained ? Number(o.low) : 0)] as const),
    );
  }
}
