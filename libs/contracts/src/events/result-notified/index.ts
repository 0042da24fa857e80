import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { resultNotifiedExample } from './example';
import { ResultNotifiedKey } from './key';
import { ResultNotifiedValue } from './value';

export { ResultNotifiedKey, ResultNotifiedValue };

export const ResultNotified = defineEvent({
  topic: Topics.ResultNotified,
  type: 'enforcement.result-notified',
  version: 1,
  owner: 'enforcement',
  consumers: ['disclosure'],
  key: ResultNotifiedKey,
  keyFields: ['batchNumber'],
  value: ResultNotifiedValue,
  description:
    'The report and result notice went out (抽检结果通知书), or a public notice replaced it; the objection deadline runs from here.',
  example: resultNotifiedExample,
});
