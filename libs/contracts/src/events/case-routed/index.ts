import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { caseRoutedExample } from './example';
import { CaseRoutedKey } from './key';
import { CaseRoutedValue } from './value';

export { CaseRoutedKey, CaseRoutedValue };

export const CaseRouted = defineEvent({
  topic: Topics.CaseRouted,
  type: 'enforcement.case-routed',
  version: 1,
  owner: 'enforcement',
  consumers: ['disclosure', 'evidence'],
  key: CaseRoutedKey,
  keyFields: ['batchNumber'],
  value: CaseRoutedValue,
  description:
    'A failed batch became a case for the authority of the right jurisdiction (谁抽检，谁交办; 属地管辖).',
  example: caseRoutedExample,
});
