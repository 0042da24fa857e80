import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { resultPublishedExample } from './example';
import { ResultPublishedKey } from './key';
import { ResultPublishedValue } from './value';

export { ResultPublishedKey, ResultPublishedValue };

export const ResultPublished = defineEvent({
  topic: Topics.ResultPublished,
  type: 'disclosure.result-published',
  version: 1,
  owner: 'disclosure',
  consumers: [],
  key: ResultPublishedKey,
  keyFields: ['batchNumber'],
  value: ResultPublishedValue,
  description:
    'A result, correction or withdrawal was published on the public website (公示), with exactly the public fields.',
  example: resultPublishedExample,
});
