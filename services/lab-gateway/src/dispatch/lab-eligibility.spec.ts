import type { Lab } from '../labs/lab.entity';
import { disqualifications } from './lab-eligibility';

const lab = (overrides: Partial<Lab> = {}): Lab => ({
  id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  name: '示例检测院',
  address: '杭州',
  cmaNumber: '221112340567',
  cmaExpiresOn: '2028-06-30',
  cnasNumber: 'CNAS L1234',
  cnasExpiresOn: '2028-06-30',
  qualificationLevel: 2,
  scopes: [{ category: 'silk-quilt', standards: ['GB/T 24252-2019'] }],
  capacity: 10,
  turnaroundWorkingDays: 10,
  active: true,
  sandbox: false,
  createdAt: new Date(),
  updatedAt: new Date(),
  ...overrides,
});
const needs = { category: 'silk-quilt', standard: 'GB/T 24252-2019', on: '2026-03-05' };

describe('disqualifications', () => {
  it('qualifies an active, accredited lab with the category and standard in scope', () => {
    expect(disqualifications(lab(), needs)).toEqual([]);
  });

  it.each<[string, Partial<Lab>, object, string]>([
    ['an inactive lab', { active: false }, {}, 'inactive'],
    ['an expired CMA', { cmaExpiresOn: '2026-03-04' }, {}, 'CMA 221112340567 expired on 2026-03-04'],
    ['an expired CNAS', { cnasExpiresOn: '2026-01-01' }, {}, 'CNAS CNAS L1234 expired on 2026-01-01'],
    ['a category outside scope', {}, { category: 'power-strip' }, 'category power-strip outside its scope'],
    ['a standard outside scope', {}, { standard: 'FZ/T 1234' }, 'standard FZ/T 1234 outside its scope'],
  ])('excludes %s', (_, overrides, need, reason) => {
    expect(disqualifications(lab(overrides), { ...needs, ...need })).toContain(reason);
  });

  it('accepts a CMA that expires on the dispatch day itself', () => {
    expect(disqualifications(lab({ cmaExpiresOn: '2026-03-05' }), needs)).toEqual([]);
  });

  it('accepts any standard when the scope lists none, and a sample with no claimed standard', () => {
    expect(disqualifications(lab({ scopes: [{ category: 'silk-quilt', standards: [] }] }), needs)).toEqual(
      [],
    );
    expect(disqualifications(lab(), { ...needs, standard: null })).toEqual([]);
  });

  it("never draws an integrator's sandbox lab for a real sample, however qualified", () => {
    expect(disqualifications(lab({ sandbox: true }), needs)).toEqual([
      'sandbox lab (never drawn for a real sample)',
    ]);
  });
});
