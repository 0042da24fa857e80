import { exampleBatchNumber, exampleSeller } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { CaseRoutedKey } from './key';
import type { CaseRoutedValue } from './value';

export const caseRoutedExample: EventExample<CaseRoutedKey, CaseRoutedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    caseId: '6a5b4c3d-2e1f-4a0b-8c9d-8e7f6a5b4c3d',
    rule: 'platform-operator-address',
    authority: { kind: 'district-bureau', areaCode: '330110', name: '杭州市余杭区市场监督管理局' },
    copiedTo: [{ kind: 'online-supervision-office', areaCode: '330100', name: '杭州市市场监督管理局网监办' }],
    sellerName: exampleSeller.name,
    sellerUnifiedSocialCreditCode: exampleSeller.unifiedSocialCreditCode,
    platform: 'taobao',
    routedAt: '2026-04-06T01:00:00.000Z',
  },
};
