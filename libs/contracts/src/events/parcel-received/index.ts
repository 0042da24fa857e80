import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { parcelReceivedExample } from './example';
import { ParcelReceivedKey } from './key';
import { ParcelReceivedValue } from './value';

export { ParcelReceivedKey, ParcelReceivedValue };

export const ParcelReceived = defineEvent({
  topic: Topics.ParcelReceived,
  type: 'evidence.parcel-received',
  version: 1,
  owner: 'evidence',
  consumers: ['purchasing'],
  key: ParcelReceivedKey,
  keyFields: ['batchNumber'],
  value: ParcelReceivedValue,
  description:
    "A parcel matched the batch's order and was admitted (入库). Parcels that match no order are quarantined and publish nothing.",
  example: parcelReceivedExample,
});
