import { exampleBatchNumber, exampleListing, examplePlatform, exampleSeller } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { OrderPlacedKey } from './key';
import type { OrderPlacedValue } from './value';

export const orderPlacedExample: EventExample<OrderPlacedKey, OrderPlacedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    orderNumber: '3958204711223344556',
    orderedAt: '2026-03-02T06:12:45.000Z',
    platform: examplePlatform,
    listing: exampleListing,
    seller: exampleSeller,
    quantity: { testUnits: 1, backupUnits: 1 },
    unitPriceFen: 59900,
    shippingFeeFen: 0,
    totalPaidFen: 119800,
    monthlySales: 1523,
    stock: 880,
    carrier: '中通快递',
    trackingNumber: '78312345678901',
    shippedAt: '2026-03-02T10:30:00.000Z',
    evidencePackageId: '9d1e6f0a-2b3c-4d5e-8f90-a1b2c3d4e5f6',
  },
};
