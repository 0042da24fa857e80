import { Topics } from '../../topics';
import { defineEvent } from '../../registry/event-descriptor';
import { complaintReceivedExample } from './example';
import { ComplaintReceivedKey } from './key';
import { ComplaintReceivedValue } from './value';

export { ComplaintReceivedKey, ComplaintReceivedValue };

export const ComplaintReceived = defineEvent({
  topic: Topics.ComplaintReceived,
  type: 'platform.complaint-received',
  version: 1,
  owner: 'platform',
  consumers: ['planning'],
  key: ComplaintReceivedKey,
  keyFields: ['source', 'complaintId'],
  value: ComplaintReceivedValue,
  description:
    "A consumer complaint or report about a product's quality (投诉举报). Never the complainant's identity.",
  example: complaintReceivedExample,
});
