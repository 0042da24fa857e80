import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { ServiceConfig } from '@qis/config';
import {
  OrderPlaced,
  platformTakedownReportContract,
  ResultFinal,
  ResultNotified,
  type OrderPlacedValue,
  type PlatformTakedownReportValue,
  type ResultFinalValue,
  type ResultNotifiedValue,
} from '@qis/contracts';
import {
  EventConsumerServer,
  KafkaPublisher,
  type EventContext,
  type EventContract,
  type RegisteredHandler,
} from '@qis/messaging';
import { SERVICE_CONFIG } from '@qis/runtime';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { FeedPlatform } from './feed-platform.entity';
import { PublishFeedItemsUseCase } from './publish-feed-items.usecase';
import { RelayTakedownReportUseCase } from './relay-takedown-report.usecase';

const handler = <V extends object>(
  contract: EventContract<V>,
  name: string,
  apply: (event: V, context: EventContext) => Promise<void>,
): RegisteredHandler => ({
  contract,
  name,
  handle: async (events) => {
    for (const { event, context } of events) await apply(event as V, context);
  },
});

/**
 * The feeds' own consumer group (beside the service's main one, whose handlers other capabilities
 * own): the flow events that feed the platforms' topics, and every registered platform's takedown
 * topic. It goes through the same inbox, retries and dead letters as every consumer. The takedown
 * topics change with registrations, so the consumer is rebuilt when the set of platforms changes
 * (at once on a registration here, within `RECHECK_MS` for one made by another instance).
 */
@Injectable()
export class FeedsConsumer implements OnApplicationBootstrap, OnApplicationShutdown {
  private static readonly RECHECK_MS = 15_000;
  private readonly log = new Logger(FeedsConsumer.name);
  private server?: EventConsumerServer;
  private platforms = '';
  private queue: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly deadLetters: KafkaPublisher,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
    private readonly publication: PublishFeedItemsUseCase,
    private readonly takedowns: RelayTakedownReportUseCase,
  ) {}

  /** The group is per database, since the inbox that makes it exactly-once lives there. */
  get groupId(): string {
    const base = this.config.KAFKA_CONSUMER_GROUP || `${this.config.KAFKA_TOPIC_PREFIX}qis-disclosure`;
    return `${base}.feeds.${this.config.DB_NAME}`;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.refresh(), FeedsConsumer.RECHECK_MS);
    void this.refresh();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.queue;
    await this.server?.close();
    this.server = undefined;
  }

  /** Subscribes to the takedown topics of the platforms registered now. */
  refresh(): Promise<void> {
    this.queue = this.queue
      .then(() => this.reconcile())
      .catch((error: Error) => {
        this.log.warn(`feeds consumer not (re)started: ${error.message}; retrying`);
        if (!this.stopped) setTimeout(() => void this.refresh(), 1_000).unref();
      });
    return this.queue;
  }

  private async reconcile(): Promise<void> {
    if (this.stopped) return;
    const codes = (await this.dataSource.getRepository(FeedPlatform).find({ order: { code: 'ASC' } })).map(
      (p) => p.code,
    );
    if (this.server && codes.join(',') === this.platforms) return;
    const handlers = this.handlers(codes);
    await this.waitForTopics(handlers.map((h) => `${this.config.KAFKA_TOPIC_PREFIX}${h.contract.topic}`));
    await this.server?.close();
    this.server = undefined;
    if (this.stopped) return;
    const server = new EventConsumerServer({
      kafka: this.kafka,
      groupId: this.groupId,
      topicPrefix: this.config.KAFKA_TOPIC_PREFIX,
      dataSource: this.dataSource,
      registry: { handlers: () => handlers },
      deadLetters: this.deadLetters,
      partitionsConsumedConcurrently: this.config.KAFKA_TOPIC_PARTITIONS,
    });
    // listen reports through its callback (Nest's transport contract) and never rejects.
    await new Promise<void>((resolve, reject) => {
      void server.listen((error?: unknown) => (error ? reject(error as Error) : resolve()));
    });
    this.server = server;
    this.platforms = codes.join(',');
    this.log.log(`feeds consumer subscribed (platforms: ${codes.length > 0 ? this.platforms : 'none'})`);
  }

  private handlers(platforms: string[]): RegisteredHandler[] {
    return [
      handler<OrderPlacedValue>(OrderPlaced, 'FeedsConsumer.onOrderPlaced', (event, { manager, messageId }) =>
        this.publication.onOrderPlaced(manager, event, messageId),
      ),
      handler<ResultNotifiedValue>(
        ResultNotified,
        'FeedsConsumer.onResultNotified',
        (event, { manager, messageId }) => this.publication.onResultNotified(manager, event, messageId),
      ),
      handler<ResultFinalValue>(ResultFinal, 'FeedsConsumer.onResultFinal', (event, { manager, messageId }) =>
        this.publication.onResultFinal(manager, event, messageId),
      ),
      ...platforms.map((platform) =>
        handler<PlatformTakedownReportValue>(
          platformTakedownReportContract(platform),
          'FeedsConsumer.onTakedownReport',
          (event, context) => this.takedowns.execute(event, context),
        ),
      ),
    ];
  }

  /** The service provisions the flow topics after start-up; subscribing earlier would fail. */
  private async waitForTopics(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((t) => !existing.has(t));
        if (missing.length === 0 || this.stopped) return;
        if (Date.now() > deadline) throw new Error(`topics missing: ${missing.join(', ')}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      await admin.disconnect();
    }
  }
}
