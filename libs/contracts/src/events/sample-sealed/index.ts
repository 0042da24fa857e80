import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { sampleSealedExample } from './example';
import { SampleSealedKey } from './key';
import { SampleSealedValue } from './value';

export { SampleSealedKey, SampleSealedValue };

export const SampleSealed = defineEvent({
  topic: Topics.SampleSealed,
  type: 'evidence.sample-sealed',
  version: 1,
  owner: 'evidence',
  consumers: ['lab-gateway', 'enforcement'],
  key: SampleSealedKey,
  keyFields: ['batchNumber'],
  value: SampleSealedValue,
  description:
    'Unpacked and sealed on video (拆包查验、封样): sample code, seals, claimed product facts. Never the buyer or the delivery address.',
  example: sampleSealedExample,
});
