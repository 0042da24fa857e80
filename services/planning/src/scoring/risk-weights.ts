import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';

const Weight = (description: string): PropertyDecorator => {
  const decorators = [
    ApiPropertyOptional({ description, minimum: 0, maximum: 10 }),
    IsOptional(),
    IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 3 }),
    Min(0),
    Max(10),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
};

/** How much each risk factor counts in a plan (each factor's value is 0..1; contribution = value × weight). */
export class RiskWeights {
  @Weight('complaints and reports about the listing or its seller (3 or more = 1)')
  complaints?: number;

  @Weight("price below the category's robust norm: (median − price) / (1.4826 × MAD), 3 or more = 1")
  priceDeviation?: number;

  @Weight('promotional claims such as 限时秒杀, 爆款, 超低价 (2 or more = 1)')
  promotionalClaims?: number;

  @Weight('high monthly sales with a high bad-rating rate (20% bad ratings and 10,000 sales = 1)')
  salesWithBadRatings?: number;

  @Weight('past failed results of the same seller or brand (2 or more = 1)')
  pastFailures?: number;

  @Weight("the category's risk weight in the scheme (0..1)")
  categoryRisk?: number;
}

export type RiskFactor = keyof RiskWeights;

export const DEFAULT_WEIGHTS: Required<RiskWeights> = {
  complaints: 3,
  priceDeviation: 2,
  promotionalClaims: 1,
  salesWithBadRatings: 2,
  pastFailures: 3,
  categoryRisk: 1,
};

export const RISK_FACTORS = Object.keys(DEFAULT_WEIGHTS) as RiskFactor[];

export const withDefaults = (weights?: RiskWeights): Required<RiskWeights> => ({
  ...DEFAULT_WEIGHTS,
  ...Object.fromEntries(Object.entries(weights ?? {}).filter(([, v]) => v !== undefined)),
});
