/**
 * How the binned metrics read noisy counts. A released cell is the true
 * count plus zero-mean discrete Gaussian noise, so it can be negative.
 * Clamping every cell at 0 before a metric would add σ/√(2π) on average to
 * each empty cell; with many nearly empty bins (small sites, small ρ) that
 * spurious mass pulls AUROC towards 0.5 and MAE towards the middle of the
 * error range (−0.09 AUROC for 900 + 100 children at σ² = 35). Sums of cells
 * as released are unbiased, and so, nearly, is every metric that is a ratio
 * of such sums (threshold rates, Brier, MAE, mean square error, bias, MAPE)
 * or of a form bilinear in two independently noised histograms (AUROC).
 *
 * So cells are summed as released, and only what must not be negative is
 * clamped: a count that is reported or divides, and a metric's value to its
 * range. AUPRC and ECE are non-linear in each bin's counts and read cells
 * clamped at 0 (`clampedCells`). All of it is post-processing of the release.
 */

/** A count as reported: a noisy sum below 0 reads as 0. */
export function nonNegative(count: number): number {
  return Math.max(0, count);
}

/** `value` clipped to [low, high]. */
export function clip(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Every cell clamped at 0, for the metrics that are not linear in the counts. */
export function clampedCells(cells: readonly number[]): number[] {
  return cells.map(nonNegative);
}

export function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

/**
 * How many standard deviations of its own noise a noisy total must reach
 * before a metric divides by it. A total below that is not distinguishable
 * from 0 at the usual one-sided 97.7%, and a ratio over it swings wildly:
 * with 110 children with obesity pooled over the demo's three sites, against
 * noise of SD 122 on their total, the AUROC came out anywhere in [0, 1] and
 * its bootstrap interval covered the truth in 65–78% of simulated releases.
 * Such a metric is reported as not estimable (`null`, `mostlyNoise`).
 */
export const SIGNAL_SDS = 2;

/**
 * Whether the sum of `cells`, noisy cells that each carry noise of variance
 * `noiseVariance`, is mostly noise. Never for exact counts (σ² = 0) unless
 * negative.
 */
export function isMostlyNoise(cells: readonly number[], noiseVariance: number): boolean {
  if (!(noiseVariance >= 0)) throw new RangeError('noise variance must be at least 0');
  return sumOf(cells) < SIGNAL_SDS * Math.sqrt(cells.length * noiseVariance);
}

/** Whether both class histograms clear the noise: what AUROC, AUPRC and the ROC curve need. */
export function classesEstimable(
  negative: readonly number[],
  positive: readonly number[],
  noiseVariance: number,
): boolean {
  return !isMostlyNoise(negative, noiseVariance) && !isMostlyNoise(positive, noiseVariance);
}
