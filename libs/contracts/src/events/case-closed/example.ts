import { exampleBatchNumber } from '../example-facts';
import type { EventExample } from '../../registry/event-descriptor';
import type { CaseClosedKey } from './key';
import type { CaseClosedValue } from './value';

export const caseClosedExample: EventExample<CaseClosedKey, CaseClosedValue> = {
  key: { batchNumber: exampleBatchNumber },
  value: {
    batchNumber: exampleBatchNumber,
    caseId: '6a5b4c3d-2e1f-4a0b-8c9d-8e7f6a5b4c3d',
    outcomes: ['takedown-confirmed', 'penalty'],
    penaltyFen: 2000000,
    summary: '责令下架并处罚款',
    closedAt: '2026-05-20T07:00:00.000Z',
  },
};
