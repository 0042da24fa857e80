import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { takedownReportedExample } from './example';
import { TakedownReportedKey } from './key';
import { TakedownReportedValue } from './value';

export { TakedownReportedKey, TakedownReportedValue };

export const TakedownReported = defineEvent({
  topic: Topics.TakedownReported,
  type: 'platform.takedown-reported',
  version: 1,
  owner: 'platform',
  consumers: ['enforcement'],
  key: TakedownReportedKey,
  keyFields: ['batchNumber'],
  value: TakedownReportedValue,
  description:
    "A platform reports what it did about a failed batch's listing (下架): closes the loop of the case.",
  example: takedownReportedExample,
});
