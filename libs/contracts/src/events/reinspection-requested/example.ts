import { exampleBatchNumber } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { ReinspectionRequestedKey } from './key';
import type { ReinspectionRequestedValue } from './value';

export const reinspectionRequestedExample: EventExample<
  ReinspectionRequestedKey,
  ReinspectionRequestedValue
> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    objectionId: '4f3e2d1c-0b9a-4887-a665-544332211000',
    originalReportNumber: 'ZJFZ2026-W-01234',
    originalLabId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    category: 'silk-quilt',
    sampleCode: 'HZ2026-000123-S',
    sampleRole: 'backup',
    sealNumber: 'FY2026-004562',
    approvedAt: '2026-03-30T02:00:00.000Z',
    completeBy: '2026-04-06T15:59:59.000Z',
  },
};
