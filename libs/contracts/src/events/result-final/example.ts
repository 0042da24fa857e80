import {
  exampleBatchNumber,
  exampleClaimedProduct,
  exampleListing,
  examplePlatform,
  exampleSeller,
} from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { ResultFinalKey } from './key';
import type { ResultFinalValue } from './value';

export const resultFinalExample: EventExample<ResultFinalKey, ResultFinalValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    verdict: 'fail',
    basis: 'no-objection',
    reportNumber: 'ZJFZ2026-W-01234',
    failingItems: ['蚕丝含量'],
    category: 'silk-quilt',
    sampleCode: 'HZ2026-000123-S',
    claimed: exampleClaimedProduct,
    seller: exampleSeller,
    platform: examplePlatform,
    listing: exampleListing,
    finalAt: '2026-04-05T16:00:00.000Z',
  },
};
