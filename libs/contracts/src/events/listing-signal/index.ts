import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { listingSignalExample } from './example';
import { ListingSignalKey } from './key';
import { ListingSignalValue } from './value';

export { ListingSignalKey, ListingSignalValue };

export const ListingSignal = defineEvent({
  topic: Topics.ListingSignal,
  type: 'platform.listing-signal',
  version: 1,
  owner: 'platform',
  consumers: ['planning'],
  key: ListingSignalKey,
  keyFields: ['platform', 'listingId'],
  value: ListingSignalValue,
  description:
    "A platform's observation of a listing (信息共享): price, sales, ratings, claims, seller. Planning scores risk from these.",
  example: listingSignalExample,
});
