import { exampleBatchNumber } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { SampleDispatchedKey } from './key';
import type { SampleDispatchedValue } from './value';

export const sampleDispatchedExample: EventExample<SampleDispatchedKey, SampleDispatchedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    purpose: 'initial',
    sampleCode: 'HZ2026-000123-S',
    sampleRole: 'test',
    sealNumber: 'FY2026-004561',
    labId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    labName: '浙江示例纺织品检测研究院',
    drawSeed: '8f14e45fceea167a',
    candidateLabIds: ['1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', '2d3e4f5a-6b7c-4d8e-9fa0-1b2c3d4e5f60'],
    dispatchedAt: '2026-03-05T06:00:00.000Z',
    dueOn: '2026-03-19',
  },
};
