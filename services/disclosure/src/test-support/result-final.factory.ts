import {
  ResultFinal,
  ResultNotified,
  type ClaimedProduct,
  type PlatformFacts,
  type ResultFinalValue,
  type ResultNotifiedValue,
  type SellerFacts,
} from '@qis/contracts';

export interface ResultFinalOverrides extends Partial<
  Omit<ResultFinalValue, 'seller' | 'claimed' | 'platform'>
> {
  seller?: Partial<SellerFacts>;
  claimed?: Partial<ClaimedProduct>;
  /** `null`: bought on the seller's own website. */
  platform?: Partial<PlatformFacts> | null;
}

/** A valid result-final of `batchNumber` from the contract's example, with overrides. */
export function resultFinal(batchNumber: string, over: ResultFinalOverrides = {}): ResultFinalValue {
  const example = ResultFinal.example.value;
  const { seller, claimed, platform, ...rest } = over;
  const value: ResultFinalValue = {
    ...example,
    ...rest,
    batchNumber,
    seller: { ...example.seller, ...seller },
    claimed: { ...example.claimed, ...claimed },
  };
  if (platform === null) delete value.platform;
  else value.platform = { ...(example.platform as PlatformFacts), ...platform };
  return value;
}

/** A result-notified of `batchNumber` that went out by public notice (seller address unknown). */
export function publicNoticeNotified(
  batchNumber: string,
  over: Partial<ResultNotifiedValue> = {},
): ResultNotifiedValue {
  const example = ResultNotified.example.value;
  return {
    ...example,
    batchNumber,
    deliveries: [
      {
        recipient: 'seller',
        channel: 'public-notice',
        noticeNumber: 'JG2026-000901',
        sentAt: example.notifiedAt,
      },
      ...example.deliveries.filter((d) => d.recipient === 'platform'),
    ],
    publicNotice: {
      sellerName: '杭州无址电子商行',
      sampleName: '插座（转换器）',
      specModel: 'XB-306 10A 250V',
      listingUrl: 'https://item.taobao.com/item.htm?id=7099990001',
      orderNumber: '3387123456789012',
      platformName: '淘宝',
    },
    ...over,
  };
}
