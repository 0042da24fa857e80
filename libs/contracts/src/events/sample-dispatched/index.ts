import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { sampleDispatchedExample } from './example';
import { SampleDispatchedKey } from './key';
import { SampleDispatchedValue } from './value';

export { SampleDispatchedKey, SampleDispatchedValue };

export const SampleDispatched = defineEvent({
  topic: Topics.SampleDispatched,
  type: 'lab.sample-dispatched',
  version: 1,
  owner: 'lab-gateway',
  consumers: ['evidence', 'enforcement'],
  key: SampleDispatchedKey,
  keyFields: ['batchNumber'],
  value: SampleDispatchedValue,
  description:
    'A sealed sample was sent to a lab drawn at random among the qualified ones (随机送检), for a first test or a re-inspection.',
  example: sampleDispatchedExample,
});
