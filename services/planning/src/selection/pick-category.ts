import type { ScoredListing } from '../scoring/risk-scorer';

/** What the picks of earlier categories of the same plan have used up. */
export interface PickState {
  listings: Set<string>;
  /** Batches per brand + spec/model: issued earlier this year plus picked in this plan. */
  brandSpecCounts: Map<string, number>;
  budgetLeftFen: number;
}

export interface Pick {
  listing: ScoredListing;
  way: 'ranked' | 'random';
}

export interface CategoryPickInput {
  quota: number;
  randomShare: number;
  unitsPerBatch: number;
  followUp: boolean;
  ranked: readonly ScoredListing[];
  random: readonly ScoredListing[];
}

/** At most twice a year for the same brand + spec/model; targeted follow-up is exempt. */
export const YEARLY_LIMIT = 2;

/**
 * Picks one category's batches: the top of the ranking for the ranked share, then the seeded
 * random order for the random share (`round(quota × share)`, at least one). A listing is never
 * picked twice, a brand + spec/model never beyond the yearly limit, and the budget holds.
 * Deterministic: the same candidates in the same order give the same picks.
 */
export function pickCategory(input: CategoryPickInput, state: PickState): Pick[] {
  const randomCount = Math.min(input.quota, Math.max(1, Math.round(input.quota * input.randomShare)));
  const rankedCount = input.quota - randomCount;
  const picks: Pick[] = [];
  const take = (pool: readonly ScoredListing[], way: Pick['way'], count: number) => {
    let taken = 0;
    for (const listing of pool) {
      if (taken >= count) break;
      if (state.listings.has(listing.id)) continue;
      const key = listing.brandSpecKey;
      const already = key ? (state.brandSpecCounts.get(key) ?? listing.priorBatches) : 0;
      if (key && !input.followUp && already >= YEARLY_LIMIT) continue;
      const cost = listing.priceFen * input.unitsPerBatch;
      if (cost > state.budgetLeftFen) continue;
      state.listings.add(listing.id);
      if (key) state.brandSpecCounts.set(key, already + 1);
      state.budgetLeftFen -= cost;
      picks.push({ listing, way });
      taken++;
    }
  };
  take(input.ranked, 'ranked', rankedCount);
  take(input.random, 'random', randomCount);
  // A random pool too small for its share: the ranking fills the quota.
  if (picks.length < input.quota) take(input.ranked, 'ranked', input.quota - picks.length);
  return picks;
}
