import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { caseClosedExample } from './example';
import { CaseClosedKey } from './key';
import { CaseClosedValue } from './value';

export { CaseClosedKey, CaseClosedValue };

export const CaseClosed = defineEvent({
  topic: Topics.CaseClosed,
  type: 'enforcement.case-closed',
  version: 1,
  owner: 'enforcement',
  consumers: ['planning', 'disclosure'],
  key: CaseClosedKey,
  keyFields: ['batchNumber'],
  value: CaseClosedValue,
  description: 'The case was closed with its outcomes and fed back to the bureau that sampled (闭环).',
  example: caseClosedExample,
});
