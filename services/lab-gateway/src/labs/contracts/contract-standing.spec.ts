import { contractStanding } from './contract-standing';
import type { LabContract } from './lab-contract.entity';

const contract = (overrides: Partial<LabContract> = {}): LabContract => ({
  id: '00000000-0000-4000-8000-000000000001',
  version: 1,
  labId: '00000000-0000-4000-8000-0000000000aa',
  contractNumber: 'WT-2026-01',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  endedOn: null,
  turnaroundWorkingDays: 10,
  categories: [
    { category: 'silk-quilt', priceFen: 120_000 },
    { category: 'power-strip', priceFen: 60_000, turnaroundWorkingDays: 5 },
  ],
  documentId: null,
  change: 'recorded',
  reason: null,
  recordedAt: new Date('2026-01-01T00:00:00Z'),
  recordedBy: 'admin',
  ...overrides,
});

describe('whether a contract lets a lab be drawn for a category on a day', () => {
  it.each([
    ['in force, covering the category', [contract()], 'silk-quilt', '2026-06-01', { ok: true, days: 10 }],
    ['the category’s own turnaround', [contract()], 'power-strip', '2026-06-01', { ok: true, days: 5 }],
    ['on its first day', [contract()], 'silk-quilt', '2026-01-01', { ok: true, days: 10 }],
    ['on its last day', [contract()], 'silk-quilt', '2026-12-31', { ok: true, days: 10 }],
    [
      'not covering the category',
      [contract()],
      'induction-cooker',
      '2026-06-01',
      'entrustment contract WT-2026-01 does not cover category induction-cooker',
    ],
    [
      'expired',
      [contract()],
      'silk-quilt',
      '2027-01-01',
      'entrustment contract WT-2026-01 expired on 2026-12-31',
    ],
    [
      'ended early',
      [contract({ endedOn: '2026-05-31', change: 'ended' })],
      'silk-quilt',
      '2026-06-01',
      'entrustment contract WT-2026-01 ended on 2026-05-31',
    ],
    [
      'not yet in force',
      [contract({ validFrom: '2026-07-01' })],
      'silk-quilt',
      '2026-06-01',
      'entrustment contract WT-2026-01 starts on 2026-07-01',
    ],
    ['none on record', [], 'silk-quilt', '2026-06-01', 'no entrustment contract on record'],
    [
      'the renewal in force, the old one expired',
      [
        contract(),
        contract({
          id: '00000000-0000-4000-8000-000000000002',
          contractNumber: 'WT-2027-01',
          validFrom: '2027-01-01',
          validTo: '2027-12-31',
          turnaroundWorkingDays: 8,
        }),
      ],
      'silk-quilt',
      '2027-03-01',
      { ok: true, days: 8 },
    ],
  ] as const)('%s', (_rule, contracts, category, on, expected) => {
    const standing = contractStanding(contracts, category, on);
    if (typeof expected === 'string') expect(standing).toEqual({ ok: false, reason: expected });
    else {
      expect(standing.ok).toBe(true);
      if (standing.ok) expect(standing.turnaroundWorkingDays).toBe(expected.days);
    }
  });
});
