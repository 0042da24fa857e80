import { exampleBatchNumber, exampleClaimedProduct } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { SampleSealedKey } from './key';
import type { SampleSealedValue } from './value';

export const sampleSealedExample: EventExample<SampleSealedKey, SampleSealedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    sampleCode: 'HZ2026-000123-S',
    category: 'silk-quilt',
    claimed: exampleClaimedProduct,
    testSample: { sealNumber: 'FY2026-004561', units: 1 },
    backupSample: { sealNumber: 'FY2026-004562', units: 1 },
    workOrderNumber: 'GD2026-000123',
    unpackingSessionId: '5e4d3c2b-1a09-4f8e-b7d6-c5b4a3928170',
    sealedAt: '2026-03-05T03:00:00.000Z',
  },
};
