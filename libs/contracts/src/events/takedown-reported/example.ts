import { exampleBatchNumber, exampleListing } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { TakedownReportedKey } from './key';
import type { TakedownReportedValue } from './value';

export const takedownReportedExample: EventExample<TakedownReportedKey, TakedownReportedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    caseId: '6a5b4c3d-2e1f-4a0b-8c9d-8e7f6a5b4c3d',
    platform: 'taobao',
    listingId: exampleListing.platformListingId,
    action: 'listing-removed',
    actedAt: '2026-04-09T02:00:00.000Z',
  },
};
