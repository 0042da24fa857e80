import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { reinspectionRequestedExample } from './example';
import { ReinspectionRequestedKey } from './key';
import { ReinspectionRequestedValue } from './value';

export { ReinspectionRequestedKey, ReinspectionRequestedValue };

export const ReinspectionRequested = defineEvent({
  topic: Topics.ReinspectionRequested,
  type: 'enforcement.reinspection-requested',
  version: 1,
  owner: 'enforcement',
  consumers: ['lab-gateway', 'evidence'],
  key: ReinspectionRequestedKey,
  keyFields: ['batchNumber'],
  value: ReinspectionRequestedValue,
  description:
    'An approved objection needs a re-inspection (复检): a lab other than the original, the backup (or test) sample re-sealed.',
  example: reinspectionRequestedExample,
});
