import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { orderPlacedExample } from './example';
import { OrderPlacedKey } from './key';
import { OrderPlacedValue } from './value';

export { OrderPlacedKey, OrderPlacedValue };

export const OrderPlaced = defineEvent({
  topic: Topics.OrderPlaced,
  type: 'purchasing.order-placed',
  version: 1,
  owner: 'purchasing',
  consumers: ['evidence', 'enforcement', 'disclosure'],
  key: OrderPlacedKey,
  keyFields: ['batchNumber'],
  value: OrderPlacedValue,
  description:
    'The sample was bought and shipped (网上买样): what intake needs to match the parcel, and the seller and platform facts notices and routing need. Never the buyer, the account or the delivery address.',
  example: orderPlacedExample,
});
