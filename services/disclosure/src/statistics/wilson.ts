/** A proportion with its 95% Wilson score interval, as fractions in [0, 1]. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/** z of a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval of `successes` out of `trials`: unlike p ± z·√(p(1−p)/n) it stays in
 * [0, 1] and stays wide for small samples (3 of 3 is 0.44–1, not 1–1). Null when nothing was tested.
 */
export function wilson(successes: number, trials: number, z = Z95): Estimate | null {
  if (trials <= 0) return null;
  if (successes < 0 || successes > trials) throw new Error(`${successes} successes out of ${trials} trials`);
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
