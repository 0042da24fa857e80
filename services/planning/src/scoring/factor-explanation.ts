import type { RiskFactor } from './risk-weights';

/** One factor of a listing's score: its value (0..1), the raw figure behind it, its weight and contribution. */
export interface FactorExplanation {
  factor: RiskFactor;
  value: number;
  raw: number | null;
  weight: number;
  contribution: number;
}
