import { exampleBatchNumber } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { ParcelReceivedKey } from './key';
import type { ParcelReceivedValue } from './value';

export const parcelReceivedExample: EventExample<ParcelReceivedKey, ParcelReceivedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    orderNumber: '3958204711223344556',
    carrier: '中通快递',
    trackingNumber: '78312345678901',
    condition: 'intact',
    receivedAt: '2026-03-04T01:20:00.000Z',
  },
};
