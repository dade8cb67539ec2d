/** Order statistics of timing samples. Pure; no clock in here. */

export interface Summary {
  n: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  mean: number;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) of ascending values, interpolating linearly between the two nearest
 * ranks (the usual "type 7" definition, as in numpy and R), so small samples still give a p95.
 */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile of no samples');
  if (!(p >= 0 && p <= 1)) throw new Error(`quantile ${p} is outside [0, 1]`);
  const at = (sorted.length - 1) * p;
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);

export const median = (values: readonly number[]): number => quantile(ascending(values), 0.5);
export const p95 = (values: readonly number[]): number => quantile(ascending(values), 0.95);

export function summarise(values: readonly number[]): Summary {
  const sorted = ascending(values);
  return {
    n: sorted.length,
    min: quantile(sorted, 0),
    median: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: quantile(sorted, 1),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
  };
}
