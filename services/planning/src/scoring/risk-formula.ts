import type { FactorExplanation } from './factor-explanation';
import { RISK_FACTORS, type RiskFactor, type RiskWeights } from './risk-weights';

/** Where each factor's value reaches 1; below it the value grows linearly (sales: with their logarithm). */
const SATURATION = {
  complaints: 3,
  priceDeviation: 3,
  promotionalClaims: 2,
  badRatingRate: 0.2,
  monthlySales: 10_000,
  pastFailures: 2,
} as const;

/** The figures a listing is scored on, as the scoring statement reads them from its tables. */
export interface RiskInputs {
  /** Complaints and reports about the listing plus those about its seller. */
  complaints: number;
  /** (median − price) / (1.4826 × MAD) of its category; null when the MAD is 0 (no spread to compare). */
  priceDeviation: number | null;
  promotionalClaims: number;
  /** 0..1; 0 when unknown. */
  badRatingRate: number;
  /** 0 when unknown. */
  monthlySales: number;
  /** Final failed results of the same seller plus those of the same brand. */
  pastFailures: number;
  /** The category's risk weight in the scheme. */
  categoryRisk: number;
}

const capped = (n: number): number => Math.min(1, Math.max(0, n));
const salesShare = (sales: number): number =>
  Math.min(1, Math.log(1 + sales) / Math.log(1 + SATURATION.monthlySales));

/** Each factor's value, 0..1. */
export function factorValues(i: RiskInputs): Record<RiskFactor, number> {
  return {
    complaints: capped(i.complaints / SATURATION.complaints),
    priceDeviation: capped((i.priceDeviation ?? 0) / SATURATION.priceDeviation),
    promotionalClaims: capped(i.promotionalClaims / SATURATION.promotionalClaims),
    salesWithBadRatings: capped(i.badRatingRate / SATURATION.badRatingRate) * salesShare(i.monthlySales),
    pastFailures: capped(i.pastFailures / SATURATION.pastFailures),
    categoryRisk: capped(i.categoryRisk),
  };
}

/** The figure shown beside each value (sales with bad ratings: percent bad × the sales' share of 10,000). */
function rawFigures(i: RiskInputs): Record<RiskFactor, number | null> {
  return {
    complaints: i.complaints,
    priceDeviation: i.priceDeviation,
    promotionalClaims: i.promotionalClaims,
    salesWithBadRatings:
      (i.badRatingRate * 100 * Math.log(1 + i.monthlySales)) / Math.log(1 + SATURATION.monthlySales),
    pastFailures: i.pastFailures,
    categoryRisk: i.categoryRisk,
  };
}

/** A listing's score, the sum of value × weight over the factors, each factor explained (4 decimals). */
export function explainScore(
  inputs: RiskInputs,
  weights: Required<RiskWeights>,
): { score: number; factors: FactorExplanation[] } {
  const values = factorValues(inputs);
  const raws = rawFigures(inputs);
  const factors = RISK_FACTORS.map((factor): FactorExplanation => {
    const value = round(values[factor]);
    const raw = raws[factor];
    return {
      factor,
      value,
      raw: raw === null ? null : round(raw),
      weight: weights[factor],
      contribution: round(value * weights[factor]),
    };
  });
  return { score: round(factors.reduce((sum, f) => sum + f.contribution, 0)), factors };
}

/**
 * The same values in SQL, for ranking where the listings live: columns `v_<factor>` over a row with
 * "r_complaints", "r_priceDeviation", "r_promotionalClaims", bad_rate, sales, "r_pastFailures",
 * "r_categoryRisk". In float8 throughout, as JavaScript computes them (integer / numeric would
 * take PostgreSQL's numeric arithmetic, a tenth slower over a category of a million listings).
 */
export const FACTOR_VALUES_SQL = `
    least(1, "r_complaints"::float8 / ${SATURATION.complaints})::float8 as "v_complaints",
    least(1, greatest(0, coalesce("r_priceDeviation", 0)) / ${SATURATION.priceDeviation})::float8 as "v_priceDeviation",
    least(1, "r_promotionalClaims"::float8 / ${SATURATION.promotionalClaims})::float8 as "v_promotionalClaims",
    (least(1, bad_rate / ${SATURATION.badRatingRate}::float8) * least(1, ln(1 + sales::float8) / ln(${1 + SATURATION.monthlySales}::float8)))::float8
      as "v_salesWithBadRatings",
    least(1, "r_pastFailures"::float8 / ${SATURATION.pastFailures})::float8 as "v_pastFailures",
    least(1, greatest(0, "r_categoryRisk"))::float8 as "v_categoryRisk"`;

/** The score of a row with the `v_<factor>` columns, in SQL. */
export const scoreSql = (weights: Required<RiskWeights>): string =>
  RISK_FACTORS.map((f) => `${Number(weights[f])} * "v_${f}"`).join(' + ');

const round = (n: number): number => Math.round(n * 10_000) / 10_000;
