import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { samplingDelegatedExample } from './example';
import { SamplingDelegatedKey } from './key';
import { SamplingDelegatedValue } from './value';

export { SamplingDelegatedKey, SamplingDelegatedValue };

export const SamplingDelegated = defineEvent({
  topic: Topics.SamplingDelegated,
  type: 'planning.sampling-delegated',
  version: 1,
  owner: 'planning',
  consumers: ['enforcement'],
  key: SamplingDelegatedKey,
  keyFields: ['batchNumber'],
  value: SamplingDelegatedValue,
  description:
    'The city bureau delegated the sampling of a plan or a batch to a district bureau (一事一委托), or revoked it: one event per batch covered. Enforcement lets the district act on the batch and names the delegating authority on its notices.',
  example: samplingDelegatedExample,
});
