import { exampleBatchNumber, exampleListing, exampleSeller } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { BatchIssuedKey } from './key';
import type { BatchIssuedValue } from './value';

export const batchIssuedExample: EventExample<BatchIssuedKey, BatchIssuedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    planId: '0f8c7a52-4a1e-4f6e-9d59-6b7a1c2d3e4f',
    planKind: 'routine',
    category: 'silk-quilt',
    platform: 'taobao',
    listing: exampleListing,
    seller: exampleSeller,
    quantity: { testUnits: 1, backupUnits: 1 },
    unitPriceCapFen: 150000,
    buyerPoolId: '3b0d2f7e-6c55-4a8e-8d0a-1e2f3a4b5c6d',
    testStandards: ['GB/T 24252-2019'],
    purchaseDueAt: '2026-03-08T09:59:59.000Z',
    issuedAt: '2026-03-01T02:00:00.000Z',
  },
};
