import { PLATFORM_CODE } from '../conventions/patterns';
import { BatchKey } from '../facts/batch-key';
import { PlatformFeedItemValue } from './platform-feed-item';
import { PlatformTakedownReportValue } from './platform-takedown-report';

/**
 * Per-platform topics (one pair per registered platform), outside the fixed `Topics` list:
 * `feed.<platform>.results.v1` carries the platform's result notices and final results (written
 * by disclosure, readable only with the platform's credential), `feed.<platform>.takedowns.v1`
 * carries its takedown reports (writable only with that credential). KAFKA_TOPIC_PREFIX applies.
 */
export const PlatformFeedTopics = {
  results: (platform: string): string => `feed.${checked(platform)}.results.v1`,
  takedowns: (platform: string): string => `feed.${checked(platform)}.takedowns.v1`,
  resultsAddress: 'feed.{platform}.results.v1',
  takedownsAddress: 'feed.{platform}.takedowns.v1',
} as const;

const TAKEDOWNS = /^feed\.([a-z][a-z0-9-]{1,31})\.takedowns\.v1$/;

/** The platform a takedown topic (unprefixed) belongs to, or undefined for any other topic. */
export const platformOfTakedownTopic = (topic: string): string | undefined => TAKEDOWNS.exec(topic)?.[1];

function checked(platform: string): string {
  if (!PLATFORM_CODE.test(platform)) throw new Error(`not a platform code: ${JSON.stringify(platform)}`);
  return platform;
}

/** A contract bound to one platform's topic (messaging's EventContract shape). */
export interface PlatformFeedContract<V extends object> {
  topic: string;
  type: string;
  version: number;
  value: new () => V;
}

export const platformFeedItemContract = (platform: string): PlatformFeedContract<PlatformFeedItemValue> => ({
  topic: PlatformFeedTopics.results(platform),
  type: 'disclosure.platform-feed-item',
  version: 1,
  value: PlatformFeedItemValue,
});

export const platformTakedownReportContract = (
  platform: string,
): PlatformFeedContract<PlatformTakedownReportValue> => ({
  topic: PlatformFeedTopics.takedowns(platform),
  type: 'platform.takedown-report',
  version: 1,
  value: PlatformTakedownReportValue,
});

/** For the AsyncAPI document: the two per-platform channels. */
export interface PlatformChannelDescriptor {
  address: string;
  type: string;
  version: number;
  owner: 'disclosure' | 'platform';
  receiver: 'disclosure' | 'platform';
  key: new () => object;
  value: new () => object;
  description: string;
  example: { key: object; value: object };
}

export const platformChannels: readonly PlatformChannelDescriptor[] = [
  {
    address: PlatformFeedTopics.resultsAddress,
    type: 'disclosure.platform-feed-item',
    version: 1,
    owner: 'disclosure',
    receiver: 'platform',
    key: BatchKey,
    value: PlatformFeedItemValue,
    description:
      "A platform's own feed: result notices and final results of samples bought on it. Read on the SASL/SCRAM listener with the platform's credential; no other platform may read it.",
    example: {
      key: { batchNumber: 'HZ2026-000123' },
      value: {
        kind: 'final-result',
        batchNumber: 'HZ2026-000123',
        listingId: '7012345678',
        listingUrl: 'https://item.taobao.com/item.htm?id=7012345678',
        sellerName: '杭州示例家纺有限公司',
        shopName: '示例家纺旗舰店',
        verdict: 'fail',
        reportNumber: 'ZJFZ2026-W-01234',
        basis: 'no-objection',
        sampleName: '桑蚕丝被',
        mainNonconformingItems: ['蚕丝含量'],
        occurredAt: '2026-04-05T16:00:00.000Z',
      },
    },
  },
  {
    address: PlatformFeedTopics.takedownsAddress,
    type: 'platform.takedown-report',
    version: 1,
    owner: 'platform',
    receiver: 'disclosure',
    key: BatchKey,
    value: PlatformTakedownReportValue,
    description:
      "A platform's takedown reports (下架反馈), written with its credential to its own topic only; disclosure takes the platform from the topic and forwards them as platform.takedown-reported.v1. Messages need the message-id (UUID), type and version headers.",
    example: {
      key: { batchNumber: 'HZ2026-000123' },
      value: {
        batchNumber: 'HZ2026-000123',
        listingId: '7012345678',
        action: 'listing-removed',
        actedAt: '2026-04-09T02:00:00.000Z',
      },
    },
  },
];
