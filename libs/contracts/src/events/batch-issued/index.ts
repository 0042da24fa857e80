import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { batchIssuedExample } from './example';
import { BatchIssuedKey } from './key';
import { BatchIssuedValue } from './value';

export { BatchIssuedKey, BatchIssuedValue };

export const BatchIssued = defineEvent({
  topic: Topics.BatchIssued,
  type: 'planning.batch-issued',
  version: 1,
  owner: 'planning',
  consumers: ['purchasing', 'enforcement'],
  key: BatchIssuedKey,
  keyFields: ['batchNumber'],
  value: BatchIssuedValue,
  description:
    'A batch was issued from an approved plan: buy this listing (批次下达). Purchasing assigns a buyer.',
  example: batchIssuedExample,
});
