import { exampleListing, examplePlatform, exampleSeller } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { ListingSignalKey } from './key';
import type { ListingSignalValue } from './value';

export const listingSignalExample: EventExample<ListingSignalKey, ListingSignalValue> = {
  key: { platform: 'taobao', listingId: exampleListing.platformListingId },
  value: {
    platform: 'taobao',
    listingId: exampleListing.platformListingId,
    url: exampleListing.url,
    title: exampleListing.title,
    category: 'silk-quilt',
    brand: '示例',
    specModel: '200cm×230cm 1.5kg',
    priceFen: 59900,
    monthlySales: 1523,
    stock: 880,
    ratingCount: 412,
    badRatingRate: 0.137,
    promotionalClaims: ['限时秒杀', '超低价'],
    seller: exampleSeller,
    operator: examplePlatform,
    observedAt: '2026-02-20T00:00:00.000Z',
  },
};
