export { FEED_ITEM_KINDS, PlatformFeedItemValue, type FeedItemKind } from './platform-feed-item';
export { PlatformTakedownReportValue } from './platform-takedown-report';
export {
  platformChannels,
  platformFeedItemContract,
  PlatformFeedTopics,
  platformOfTakedownTopic,
  platformTakedownReportContract,
  type PlatformChannelDescriptor,
  type PlatformFeedContract,
} from './platform-feeds';
