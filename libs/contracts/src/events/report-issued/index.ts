import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { reportIssuedExample } from './example';
import { ReportIssuedKey } from './key';
import { ReportIssuedValue } from './value';

export { ReportIssuedKey, ReportIssuedValue };

export const ReportIssued = defineEvent({
  topic: Topics.ReportIssued,
  type: 'lab.report-issued',
  version: 1,
  owner: 'lab-gateway',
  consumers: ['enforcement'],
  key: ReportIssuedKey,
  keyFields: ['batchNumber'],
  value: ReportIssuedValue,
  description:
    'A lab issued its report (检验报告): overall verdict, per-item results, failing items. An amended report names the one it replaces.',
  example: reportIssuedExample,
});
