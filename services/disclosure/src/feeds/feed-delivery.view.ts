import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One of the platform's consumer groups on its feed: how far it has read. */
export class FeedConsumerGroupView {
  @ApiProperty({ example: 'feed.taobao.results-reader' }) groupId!: string;
  @ApiProperty({ description: 'items the group has committed (acknowledged), over all partitions' })
  committed!: number;
  @ApiProperty({ description: 'items on the feed the group has not acknowledged yet' }) lag!: number;
}

/** A registered platform's delivery state: what its feed got, what it read, what failed. */
export class FeedDeliveryView {
  @ApiProperty({ example: 'taobao' }) code!: string;
  @ApiProperty({ example: '淘宝' }) name!: string;
  @ApiProperty({ description: 'feed items written for it since registration' }) itemsWritten!: number;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the last item was written',
  })
  lastItemAt!: string | null;
  @ApiProperty({ description: 'items written but not yet relayed to its topic (outbox)' })
  pendingItems!: number;
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'the oldest of those',
  })
  oldestPendingAt!: string | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'items on its results topic (null: broker not reachable)',
  })
  topicItems!: number | null;
  @ApiProperty({
    type: FeedConsumerGroupView,
    isArray: true,
    description: 'its consumer groups (prefix feed.<code>.)',
  })
  consumerGroups!: FeedConsumerGroupView[];
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'items its furthest group has not acknowledged (every item when no group has read); null: broker not reachable',
  })
  lag!: number | null;
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      'takedown reports from it that could not be processed (its dead-letter topic); null: broker not reachable',
  })
  failures!: number | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'why the broker figures are missing' })
  brokerError!: string | null;
}
