import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { resultFinalExample } from './example';
import { ResultFinalKey } from './key';
import { ResultFinalValue } from './value';

export { ResultFinalKey, ResultFinalValue };

export const ResultFinal = defineEvent({
  topic: Topics.ResultFinal,
  type: 'enforcement.result-final',
  version: 1,
  owner: 'enforcement',
  consumers: ['disclosure', 'planning'],
  key: ResultFinalKey,
  keyFields: ['batchNumber'],
  value: ResultFinalValue,
  description:
    'The result can no longer change: no objection in time, objection refused, re-inspection waived, or the re-inspection result.',
  example: resultFinalExample,
});
