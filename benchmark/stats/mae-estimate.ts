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
 * cells carry independent noise, so Var_noise ≈ Σ_b v(c_b)(|m_b| − MAE)²/n²,
 * where v(c) is the noise variance a cell of count c keeps through the
 * clamp (σ² for large counts, 0.34σ² at 0; noise-variance.ts). The invalid
 * cell and the APE histogram do not enter the MAE.
 *
 * Under heavy noise the clamped MAE itself is biased upwards (empty far bins
 * read as σ/√(2π) each at a large |m_b|); this variance does not cover that
 * bias, and the bootstrap interval corrects only part of it.
 */
import type { MetricEstimate } from './metric-estimate.js';
import { assertNoiseVariance, clampedNoiseVariance } from './noise-variance.js';
import { statsError } from './stats-errors.js';
import { toUsableCounts } from './usable-counts.js';

/**
 * MAE of an error histogram of `bins + 1` noisy cells over
 * [−maxError, maxError] (the last cell counts invalid predictions), whose
 * cells carry noise of variance `noiseVariance` each. `null` when fewer than
 * two valid predictions remain after clamping (no sampling variance).
 */
export function maeEstimate(
  errors: readonly number[],
  maxError: number,
  noiseVariance: number,
): MetricEstimate | null {
  if (errors.length < 2 || !(maxError > 0)) {
    throw statsError('STATS_INPUT_INVALID', 'need bins + 1 error cells and a positive range');
  }
  assertNoiseVariance(noiseVariance);
  const counts = toUsableCounts(errors.slice(0, -1));
  const width = (2 * maxError) / counts.length;
  const magnitudes = counts.map((_, b) => Math.abs(-maxError + (b + 0.5) * width));
  const n = sum(counts);
  if (n < 2) return null;
  const mae = sum(counts.map((c, b) => c * (magnitudes[b] as number))) / n;
  const deviations = magnitudes.map((m) => (m - mae) ** 2);
  const spread = sum(counts.map((c, b) => c * (deviations[b] as number))) / (n - 1);
  const samplingVariance = spread / n;
  const kept = counts.map(
    (c, b) => clampedNoiseVariance(c, noiseVariance) * (deviations[b] as number),
  );
  const noise = sum(kept) / (n * n);
  return {
    estimate: mae,
    variance: samplingVariance + noise,
    samplingVariance,
    noiseVariance: noise,
    n,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
