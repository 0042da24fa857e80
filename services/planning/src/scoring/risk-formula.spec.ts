import { explainScore, factorValues, type RiskInputs } from './risk-formula';
import { DEFAULT_WEIGHTS, RISK_FACTORS, withDefaults } from './risk-weights';

const nothing: RiskInputs = {
  complaints: 0,
  priceDeviation: null,
  promotionalClaims: 0,
  badRatingRate: 0,
  monthlySales: 0,
  pastFailures: 0,
  categoryRisk: 0,
};
const inputs = (over: Partial<RiskInputs>): RiskInputs => ({ ...nothing, ...over });
const factor = (over: Partial<RiskInputs>, name: string, weights = DEFAULT_WEIGHTS) =>
  explainScore(inputs(over), weights).factors.find((f) => f.factor === name);

describe('the risk score', () => {
  it('scores a listing with no complaint, claim, failure or deviation 0', () => {
    const { score, factors } = explainScore(nothing, DEFAULT_WEIGHTS);
    expect(score).toBe(0);
    expect(factors.map((f) => f.factor)).toEqual(RISK_FACTORS);
    expect(factors.every((f) => f.value === 0 && f.contribution === 0)).toBe(true);
  });

  it('counts complaints linearly up to 3, then no more', () => {
    expect(factorValues(inputs({ complaints: 1 })).complaints).toBeCloseTo(1 / 3);
    expect(factorValues(inputs({ complaints: 3 })).complaints).toBe(1);
    expect(factorValues(inputs({ complaints: 30 })).complaints).toBe(1);
    expect(factor({ complaints: 30 }, 'complaints')).toMatchObject({
      raw: 30,
      value: 1,
      weight: 3,
      contribution: 3,
    });
  });

  it('counts a price below the norm up to 3 robust deviations, and a price above it not at all', () => {
    expect(factorValues(inputs({ priceDeviation: 1.5 })).priceDeviation).toBe(0.5);
    expect(factorValues(inputs({ priceDeviation: 7 })).priceDeviation).toBe(1);
    expect(factorValues(inputs({ priceDeviation: -2 })).priceDeviation).toBe(0);
  });

  it('leaves the price out when the category has no spread of prices (MAD 0), showing no raw figure', () => {
    expect(factor({ priceDeviation: null }, 'priceDeviation')).toMatchObject({
      raw: null,
      value: 0,
      contribution: 0,
    });
  });

  it('counts promotional claims up to 2 and past failures up to 2', () => {
    expect(factorValues(inputs({ promotionalClaims: 1 })).promotionalClaims).toBe(0.5);
    expect(factorValues(inputs({ promotionalClaims: 5 })).promotionalClaims).toBe(1);
    expect(factorValues(inputs({ pastFailures: 1 })).pastFailures).toBe(0.5);
    expect(factorValues(inputs({ pastFailures: 4 })).pastFailures).toBe(1);
  });

  it('needs both bad ratings and sales: 20% bad ratings on 10,000 sales a month is 1', () => {
    expect(factorValues(inputs({ badRatingRate: 0.2, monthlySales: 10_000 })).salesWithBadRatings).toBe(1);
    expect(factorValues(inputs({ badRatingRate: 0.5, monthlySales: 1_000_000 })).salesWithBadRatings).toBe(1);
    expect(factorValues(inputs({ badRatingRate: 0.9, monthlySales: 0 })).salesWithBadRatings).toBe(0);
    expect(factorValues(inputs({ badRatingRate: 0, monthlySales: 50_000 })).salesWithBadRatings).toBe(0);
    // 10% bad on 100 sales: half the rate's cap × log(101)/log(10001), about a quarter.
    expect(factorValues(inputs({ badRatingRate: 0.1, monthlySales: 100 })).salesWithBadRatings).toBeCloseTo(
      0.5 * (Math.log(101) / Math.log(10_001)),
    );
    expect(factor({ badRatingRate: 0.1, monthlySales: 100 }, 'salesWithBadRatings')?.raw).toBe(5.0107);
  });

  it("takes the category's risk weight as it is, kept within 0..1", () => {
    expect(factorValues(inputs({ categoryRisk: 0.4 })).categoryRisk).toBe(0.4);
    expect(factorValues(inputs({ categoryRisk: 1.5 })).categoryRisk).toBe(1);
    expect(factorValues(inputs({ categoryRisk: -1 })).categoryRisk).toBe(0);
  });

  it('sums value × weight over the factors: every factor at its cap scores the sum of the weights', () => {
    const all = inputs({
      complaints: 3,
      priceDeviation: 3,
      promotionalClaims: 2,
      badRatingRate: 0.2,
      monthlySales: 10_000,
      pastFailures: 2,
      categoryRisk: 1,
    });
    expect(explainScore(all, DEFAULT_WEIGHTS).score).toBe(12);
    const weights = withDefaults({ complaints: 10, pastFailures: 0 });
    expect(explainScore(all, weights).score).toBe(12 - 3 + 10 - 3);
  });

  it("applies a plan's weights over the defaults, a weight left out keeping its default", () => {
    expect(withDefaults({ priceDeviation: 5, complaints: undefined })).toEqual({
      ...DEFAULT_WEIGHTS,
      priceDeviation: 5,
    });
    expect(factor({ complaints: 3 }, 'complaints', withDefaults({ complaints: 0 }))).toMatchObject({
      value: 1,
      weight: 0,
      contribution: 0,
    });
  });

  it('gives listings with the same figures the same score (ties are then ordered by platform and listing id)', () => {
    const a = explainScore(inputs({ complaints: 3, promotionalClaims: 1 }), DEFAULT_WEIGHTS);
    const b = explainScore(inputs({ complaints: 3, promotionalClaims: 1 }), DEFAULT_WEIGHTS);
    expect(a.score).toBe(b.score);
    expect(a.score).toBe(3.5);
  });

  it('rounds each value and contribution to 4 decimals and sums the rounded contributions', () => {
    const { score, factors } = explainScore(inputs({ complaints: 1, pastFailures: 1 }), DEFAULT_WEIGHTS);
    expect(factors.find((f) => f.factor === 'complaints')).toMatchObject({
      value: 0.3333,
      contribution: 0.9999,
    });
    expect(score).toBe(2.4999);
  });
});
