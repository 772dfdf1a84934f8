/**
 * Regression metrics from error histograms over public, equal-width bins
 * (what a node releases for a regression task): every error is taken at its
 * bin's midpoint. For errors inside the binned range, MAE, RMSE and bias are
 * then within half a bin width of the exact values (for RMSE by Minkowski's
 * inequality); errors beyond the range were clipped into the end bins, so
 * large errors are under-counted, never hidden (see `clipped`). MAPE from
 * its own histogram, likewise within half an APE bin.
 *
 * Each is a ratio of sums of cells, so noisy cells are summed as released
 * and only the counts and the metrics are clamped to their ranges
 * (noisy-counts.ts): clamping cells first would put spurious mass in the
 * empty far bins and push MAE up.
 */
import { clip, isMostlyNoise, nonNegative, sumOf } from './noisy-counts.js';

/** Metrics of one regression target; `null` when no example had a valid prediction. */
export interface BinnedRegressionMetrics {
  /** Examples with a valid (finite) prediction (a noisy sum, clamped at 0). */
  readonly n: number;
  /** Examples whose prediction was NaN or ±inf. */
  readonly invalid: number;
  /**
   * The noisy count of valid predictions is within two noise SDs of 0
   * (noisy-counts.ts): MAE, RMSE and bias are `null`, not estimable.
   */
  readonly mostlyNoise: boolean;
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
  /** Noise variance of each cell (default 0: exact counts). */
  readonly noiseVariance?: number;
}

/** Metrics from `histograms`; `n` mostly noise (or not above 0) → every metric `null`. */
export function binnedRegressionMetrics(histograms: RegressionHistograms): BinnedRegressionMetrics {
  const bins = histograms.errors.length - 1;
  const counts = histograms.errors.slice(0, bins);
  const { maxError } = histograms;
  const middles = errorMidpoints(maxError, bins);
  const n = sumOf(counts);
  const mostlyNoise = isMostlyNoise(counts, histograms.noiseVariance ?? 0);
  const mean = (f: (error: number) => number, low: number, high: number): number | null =>
    n > 0 && !mostlyNoise
      ? clip(sumOf(counts.map((c, b) => c * f(middles[b] as number))) / n, low, high)
      : null;
  const meanSquare = mean((e) => e * e, 0, maxError * maxError);
  return {
    n: nonNegative(n),
    invalid: nonNegative(histograms.errors[bins] ?? 0),
    mostlyNoise,
    clipped: nonNegative((counts[0] ?? 0) + (counts[bins - 1] ?? 0)),
    mae: mean(Math.abs, 0, maxError),
    rmse: meanSquare === null ? null : Math.sqrt(meanSquare),
    bias: mean((e) => e, -maxError, maxError),
    mape: binnedMape(histograms),
    maxBinningError: maxError / bins,
  };
}

/** The midpoints of `bins` equal error bins over [−maxError, maxError]. */
export function errorMidpoints(maxError: number, bins: number): number[] {
  const width = (2 * maxError) / bins;
  return Array.from({ length: bins }, (_, b) => -maxError + (b + 0.5) * width);
}

function binnedMape({ ape, noiseVariance = 0 }: RegressionHistograms): number | null {
  if (ape === undefined) return null;
  if (isMostlyNoise(ape.counts, noiseVariance)) return null;
  const n = sumOf(ape.counts);
  const width = ape.maxApe / ape.counts.length;
  const total = sumOf(ape.counts.map((c, b) => c * (b + 0.5) * width));
  return n > 0 ? clip(total / n, 0, ape.maxApe) : null;
}
