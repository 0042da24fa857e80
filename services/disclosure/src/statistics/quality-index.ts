import type { Estimate } from './wilson';

/** Weights of the quality index: conformity of the tested batches, and labelling (not three-no). */
const QUALITY_INDEX_WEIGHTS = { pass: 0.8, labelled: 0.2 } as const;

/**
 * 质量指数 on a 0–100 scale: QI = 100 × (0.8 × pass rate + 0.2 × (1 − three-no rate)). Its interval
 * combines the two Wilson intervals at their extremes (low = both rates at their worst bound,
 * high = both at their best), so it covers the index with at least 90% confidence (Bonferroni)
 * and is never narrower than the evidence allows.
 */
export function qualityIndex(passRate: Estimate | null, threeNoRate: Estimate | null): Estimate | null {
  if (!passRate || !threeNoRate) return null;
  const { pass, labelled } = QUALITY_INDEX_WEIGHTS;
  const index = (p: number, t: number): number => Math.round(1000 * (pass * p + labelled * (1 - t))) / 10;
  return {
    value: index(passRate.value, threeNoRate.value),
    low: index(passRate.low, threeNoRate.high),
    high: index(passRate.high, threeNoRate.low),
  };
}
