import { exampleBatchNumber } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { SamplingDelegatedKey } from './key';
import type { SamplingDelegatedValue } from './value';

export const samplingDelegatedExample: EventExample<SamplingDelegatedKey, SamplingDelegatedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    delegationId: '5c1f0e7a-2b3d-4e5f-8a9b-0c1d2e3f4a5b',
    revision: 1,
    status: 'active',
    batchNumber: exampleBatchNumber,
    planId: '8f14e45f-ceea-4672-9d4b-1f2e3a4b5c6d',
    matter: 'plan',
    delegate: { areaCode: '330102', name: '杭州市上城区市场监督管理局' },
    delegator: { areaCode: '330100', name: '杭州市市场监督管理局' },
    reference: '杭市监委〔2026〕12号',
    acts: ['sampling', 'notices', 'objections'],
    validFrom: '2026-06-01',
    validUntil: '2026-12-31',
    reason: '平台注册地在上城区，由上城区局就近实施抽检',
    recordedAt: '2026-06-01T02:00:00.000Z',
  },
};
