import { exampleBatchNumber } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { ReportIssuedKey } from './key';
import type { ReportIssuedValue } from './value';

export const reportIssuedExample: EventExample<ReportIssuedKey, ReportIssuedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    reportNumber: 'ZJFZ2026-W-01234',
    purpose: 'initial',
    labId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    labName: '浙江示例纺织品检测研究院',
    sampleCode: 'HZ2026-000123-S',
    verdict: 'fail',
    items: [
      {
        item: '蚕丝含量',
        standard: 'GB/T 24252-2019 5.2',
        requirement: '≥ 100.0',
        measuredValue: '62.3',
        unit: '%',
        verdict: 'fail',
      },
      {
        item: '质量偏差率',
        standard: 'GB/T 24252-2019 5.3',
        requirement: '≥ -5.0',
        measuredValue: '-1.2',
        unit: '%',
        verdict: 'pass',
      },
    ],
    failingItems: ['蚕丝含量'],
    reportDocumentId: '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d',
    authorisedBy: '王工',
    issuedAt: '2026-03-16T08:00:00.000Z',
  },
};
