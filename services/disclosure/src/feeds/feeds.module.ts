import { Module } from '@nestjs/common';
import { loadConfig } from '@qis/config';
import { AddFeedBacklog1764700000001 } from './add-feed-backlog.migration';
import { AddFeedDelivery1764700000002 } from './add-feed-delivery.migration';
import { CreatePlatformFeeds1764700000000 } from './create-platform-feeds.migration';
import { FeedBatch } from './feed-batch.entity';
import { FeedBroker } from './feed-broker';
import { FeedDeliveryQuery } from './feed-delivery.query';
import { FeedPlatform } from './feed-platform.entity';
import { FeedsConsumer } from './feeds-consumer';
import { FeedsSettings } from './feeds.settings';
import { PlatformsController } from './platforms.controller';
import { PublishFeedItemsUseCase } from './publish-feed-items.usecase';
import { RegisterPlatformUseCase } from './register-platform.usecase';
import { RelayTakedownReportUseCase } from './relay-takedown-report.usecase';

export const feedEntities = [FeedPlatform, FeedBatch];
export const feedMigrations = [
  CreatePlatformFeeds1764700000000,
  AddFeedBacklog1764700000001,
  AddFeedDelivery1764700000002,
];

/**
 * Platform feeds: each registered platform reads its result notices and final results from its
 * own topic and writes takedown reports to its own topic, on the broker's SASL/SCRAM listener
 * under ACLs; the reports go on to enforcement.
 */
@Module({
  controllers: [PlatformsController],
  providers: [
    { provide: FeedsSettings, useFactory: () => loadConfig(FeedsSettings, process.env) },
    FeedBroker,
    FeedDeliveryQuery,
    FeedsConsumer,
    PublishFeedItemsUseCase,
    RelayTakedownReportUseCase,
    RegisterPlatformUseCase,
  ],
})
export class FeedsModule {}
