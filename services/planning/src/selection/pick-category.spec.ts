import type { ScoredListing } from '../scoring/risk-scorer';
import { pickCategory, type PickState } from './pick-category';

const listing = (id: string, over: Partial<ScoredListing> = {}): ScoredListing => ({
  id,
  platform: 'taobao',
  platformListingId: id,
  category: 'silk-quilt',
  priceFen: 100,
  brandSpecKey: `brand-${id}|x`,
  priorBatches: 0,
  inScope: true,
  platformAllowed: true,
  score: 1,
  factors: [],
  ...over,
});

const fresh = (budget = 1_000_000): PickState => ({
  listings: new Set(),
  brandSpecCounts: new Map(),
  budgetLeftFen: budget,
});
const base = { quota: 4, randomShare: 0.25, unitsPerBatch: 2, followUp: false };

describe('picking a category', () => {
  it('takes the ranked share from the top and the random share from the seeded order', () => {
    const ranked = ['a', 'b', 'c', 'd', 'e'].map((id) => listing(id));
    const random = ['e', 'a', 'd'].map((id) => listing(id));
    const picks = pickCategory({ ...base, ranked, random }, fresh());
    expect(picks.map((p) => `${p.way}:${p.listing.id}`)).toEqual([
      'ranked:a',
      'ranked:b',
      'ranked:c',
      'random:e',
    ]);
  });

  it('never picks a listing twice in a plan', () => {
    const ranked = ['a', 'b'].map((id) => listing(id));
    const random = ['a', 'b', 'c'].map((id) => listing(id));
    const picks = pickCategory({ ...base, quota: 3, randomShare: 0.5, ranked, random }, fresh());
    expect(new Set(picks.map((p) => p.listing.id)).size).toBe(picks.length);
  });

  it('refuses a third batch of the same brand + spec/model in a year', () => {
    const ranked = [
      listing('a', { brandSpecKey: 'k|1', priorBatches: 1 }),
      listing('b', { brandSpecKey: 'k|1', priorBatches: 1 }),
      listing('c'),
    ];
    const picks = pickCategory({ ...base, quota: 3, randomShare: 0.05, ranked, random: [] }, fresh());
    expect(picks.map((p) => p.listing.id)).toEqual(['a', 'c']);
  });

  it('lets a follow-up plan sample the same brand + spec/model again', () => {
    const ranked = [listing('a', { brandSpecKey: 'k|1', priorBatches: 2 })];
    const picks = pickCategory({ ...base, quota: 1, followUp: true, ranked, random: [] }, fresh());
    expect(picks).toHaveLength(1);
  });

  it('stays within the budget', () => {
    const ranked = ['a', 'b', 'c'].map((id) => listing(id, { priceFen: 100 }));
    const picks = pickCategory({ ...base, quota: 3, ranked, random: [] }, fresh(450));
    expect(picks).toHaveLength(2);
  });
});
