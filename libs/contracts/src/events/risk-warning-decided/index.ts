import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { riskWarningDecidedExample } from './example';
import { RiskWarningDecidedKey } from './key';
import { RiskWarningDecidedValue } from './value';

export { RiskWarningDecidedKey, RiskWarningDecidedValue };

export const RiskWarningDecided = defineEvent({
  topic: Topics.RiskWarningDecided,
  type: 'enforcement.risk-warning-decided',
  version: 1,
  owner: 'enforcement',
  consumers: ['disclosure'],
  key: RiskWarningDecidedKey,
  keyFields: ['batchNumber'],
  value: RiskWarningDecidedValue,
  description:
    'The bureau issued a consumer risk warning (消费风险警示) about a failed product, approved by a second officer, or withdrew one with a reason; disclosure publishes it.',
  example: riskWarningDecidedExample,
});
