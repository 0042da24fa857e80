import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { objectionFiledExample } from './example';
import { ObjectionFiledKey } from './key';
import { ObjectionFiledValue } from './value';

export { ObjectionFiledKey, ObjectionFiledValue };

export const ObjectionFiled = defineEvent({
  topic: Topics.ObjectionFiled,
  type: 'enforcement.objection-filed',
  version: 1,
  owner: 'enforcement',
  consumers: ['disclosure'],
  key: ObjectionFiledKey,
  keyFields: ['batchNumber'],
  value: ObjectionFiledValue,
  description:
    'The seller or claimed producer objected in time (异议) and asked for re-inspection; an approver decides.',
  example: objectionFiledExample,
});
