/**
 * A site's (or a pool's) mean absolute error with its variance, from the
 * noisy error histogram of one target in one released group: the input of a
 * random-effects meta-analysis of MAE across sites.
 *
 * Every error is at its bin's midpoint m_b, exactly as binned-regression.ts
 * computes the reported MAE, so MAE = Σ c_b |m_b| / n.
 * Sampling variance: the variance of |error| over the binned distribution
 * (with Bessel's n − 1) divided by n, the variance of a mean of n
 * independent children.
 * Noise variance: the delta method; ∂MAE/∂c_b = (|m_b| − MAE)/n and the
 * cells carry independent noise, so Var_noise ≈ σ²·Σ_b (|m_b| − MAE)²/n².
 * The cells are read as released, negative ones too, as the reported MAE
 * reads them (benchmark/metrics/noisy-counts.ts), so every cell passes on
 * all of σ². The invalid cell and the APE histogram do not enter the MAE.
 */
import { errorMidpoints } from '../metrics/binned-regression.js';
import { clip, isMostlyNoise, nonNegative, sumOf } from '../metrics/noisy-counts.js';
import { assertFiniteCounts } from './finite-counts.js';
import type { MetricEstimate } from './metric-estimate.js';
import { assertNoiseVariance } from './noise-variance.js';
import { statsError } from './stats-errors.js';

/**
 * MAE of an error histogram of `bins + 1` noisy cells over
 * [−maxError, maxError] (the last cell counts invalid predictions), whose
 * cells carry noise of variance `noiseVariance` each. `null` when the noisy
 * count of valid predictions is below two (no sampling variance) or mostly
 * noise, as for the reported MAE (noisy-counts.ts).
 */
export function maeEstimate(
  errors: readonly number[],
  maxError: number,
  noiseVariance: number,
): MetricEstimate | null {
  assertErrorHistogram(errors, maxError, noiseVariance);
  const counts = errors.slice(0, -1);
  const magnitudes = errorMidpoints(maxError, counts.length).map(Math.abs);
  const n = sumOf(counts);
  if (!(n >= 2) || isMostlyNoise(counts, noiseVariance)) return null;
  const mae = clip(sumOf(counts.map((c, b) => c * (magnitudes[b] as number))) / n, 0, maxError);
  const deviations = magnitudes.map((m) => (m - mae) ** 2);
  const spread = nonNegative(sumOf(counts.map((c, b) => c * (deviations[b] as number))) / (n - 1));
  const samplingVariance = spread / n;
  const noise = (noiseVariance * sumOf(deviations)) / (n * n);
  return {
    estimate: mae,
    variance: samplingVariance + noise,
    samplingVariance,
    noiseVariance: noise,
    n,
  };
}

/**
 * Throws `STATS_INPUT_INVALID` unless `errors` is a finite histogram of
 * `bins + 1` cells over a positive range and the noise variance is valid.
 */
export function assertErrorHistogram(
  errors: readonly number[],
  maxError: number,
  noiseVariance: number,
): void {
  if (errors.length < 2 || !(maxError > 0)) {
    throw statsError('STATS_INPUT_INVALID', 'need bins + 1 error cells and a positive range');
  }
  assertNoiseVariance(noiseVariance);
  assertFiniteCounts(errors);
}
