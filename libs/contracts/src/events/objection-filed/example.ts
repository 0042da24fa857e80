import { exampleBatchNumber, exampleSeller } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { ObjectionFiledKey } from './key';
import type { ObjectionFiledValue } from './value';

export const objectionFiledExample: EventExample<ObjectionFiledKey, ObjectionFiledValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    objectionId: '4f3e2d1c-0b9a-4887-a665-544332211000',
    reportNumber: 'ZJFZ2026-W-01234',
    applicantRole: 'seller',
    applicantName: exampleSeller.name,
    applicantUnifiedSocialCreditCode: exampleSeller.unifiedSocialCreditCode,
    noticeReceivedAt: '2026-03-20T05:30:00.000Z',
    filedAt: '2026-03-27T01:00:00.000Z',
    grounds: '对蚕丝含量检测方法有异议',
  },
};
