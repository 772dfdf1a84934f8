/**
 * Regression metrics from error histograms over public, equal-width bins
 * (what a node releases for a regression task): every error is taken at its
 * bin's midpoint. For errors inside the binned range, MAE, RMSE and bias are
 * then within half a bin width of the exact values (for RMSE by Minkowski's
 * inequality); errors beyond the range were clipped into the end bins, so
 * large errors are under-counted, never hidden (see `clipped`). MAPE from
 * its own histogram, likewise within half an APE bin.
 */

/** Metrics of one regression target; `null` when no example had a valid prediction. */
export interface BinnedRegressionMetrics {
  /** Examples with a valid (finite) prediction, after clamping noisy counts at 0. */
  readonly n: number;
  /** Examples whose prediction was NaN or ±inf. */
  readonly invalid: number;
  /** Examples in the two end bins, whose errors may have been clipped. */
  readonly clipped: number;
  readonly mae: number | null;
  readonly rmse: number | null;
  readonly bias: number | null;
  /** Fraction, like scikit-learn's; `null` when the target has no APE histogram. */
  readonly mape: number | null;
  /** Half a bin width: the most binning moves MAE, RMSE or bias (errors within range). */
  readonly maxBinningError: number;
}

/** Histograms of one target: `errorBins + 1` error cells (last = invalid), optional APE cells. */
export interface RegressionHistograms {
  readonly errors: readonly number[];
  readonly maxError: number;
  /** |error| / |target| histogram over [0, maxApe], when the target has one. */
  readonly ape?: { readonly counts: readonly number[]; readonly maxApe: number };
}

/** Metrics from `histograms` (noisy counts are clamped at 0 first: post-processing). */
export function binnedRegressionMetrics(histograms: RegressionHistograms): BinnedRegressionMetrics {
  const bins = histograms.errors.length - 1;
  const counts = histograms.errors.slice(0, bins).map(clampCount);
  const width = (2 * histograms.maxError) / bins;
  const middle = (b: number): number => -histograms.maxError + (b + 0.5) * width;
  const n = sum(counts);
  const mean = (f: (error: number) => number): number | null =>
    n > 0 ? sum(counts.map((c, b) => c * f(middle(b)))) / n : null;
  const meanSquare = mean((e) => e * e);
  return {
    n,
    invalid: clampCount(histograms.errors[bins] ?? 0),
    clipped: (counts[0] ?? 0) + (counts[bins - 1] ?? 0),
    mae: mean(Math.abs),
    rmse: meanSquare === null ? null : Math.sqrt(meanSquare),
    bias: mean((e) => e),
    mape: binnedMape(histograms),
    maxBinningError: width / 2,
  };
}

function binnedMape({ ape }: RegressionHistograms): number | null {
  if (ape === undefined) return null;
  const counts = ape.counts.map(clampCount);
  const n = sum(counts);
  const width = ape.maxApe / counts.length;
  return n > 0 ? sum(counts.map((c, b) => c * (b + 0.5) * width)) / n : null;
}

function clampCount(value: number): number {
  return Math.max(0, value);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
