/**
 * Parametric bootstrap intervals (parametric-bootstrap.ts) for the two
 * headline metrics. AUROC is computed by the function behind the reported
 * metric (binned-ranking.ts); MAE by the same midpoint formula as
 * binned-regression.ts, inlined because it runs once per replicate (the
 * tests check the two agree). So the interval is around the number a reader
 * sees. Invalid-output cells enter neither metric and are not resampled.
 */
import { binnedAuroc } from '../metrics/binned-ranking.js';
import { errorMidpoints } from '../metrics/binned-regression.js';
import { classesEstimable, clip, isMostlyNoise } from '../metrics/noisy-counts.js';
import type { BootstrapInterval, BootstrapOptions } from './parametric-bootstrap.js';
import { assertClassHistograms } from './auroc-estimate.js';
import { assertErrorHistogram } from './mae-estimate.js';
import { parametricBootstrap } from './parametric-bootstrap.js';

/**
 * AUROC interval from class histograms of `bins + 1` noisy cells each (last
 * = invalid), each cell with noise variance `noiseVariance`; clipped to
 * [0, 1]. `null` when a class's noisy total is mostly noise (noisy-counts.ts).
 */
export function bootstrapAuroc(
  negative: readonly number[],
  positive: readonly number[],
  noiseVariance: number,
  options: BootstrapOptions,
): BootstrapInterval | null {
  assertClassHistograms(negative, positive, noiseVariance);
  const bins = negative.length - 1;
  const [neg, pos] = [negative.slice(0, bins), positive.slice(0, bins)];
  if (!classesEstimable(neg, pos, noiseVariance)) return null;
  const cells = [...neg, ...pos];
  const auroc = (counts: readonly number[]): number | null =>
    binnedAuroc(counts.slice(0, bins), counts.slice(bins))?.value ?? null;
  return parametricBootstrap(cells, noiseVariance, auroc, {
    range: [0, 1],
    ...options,
    histograms: [bins, bins],
  });
}

/**
 * MAE interval from an error histogram of `bins + 1` noisy cells over
 * [−maxError, maxError] (last = invalid), each cell with noise variance
 * `noiseVariance`; clipped to [0, maxError]. `null` when the noisy count of
 * valid predictions is mostly noise (noisy-counts.ts).
 */
export function bootstrapMae(
  errors: readonly number[],
  maxError: number,
  noiseVariance: number,
  options: BootstrapOptions,
): BootstrapInterval | null {
  assertErrorHistogram(errors, maxError, noiseVariance);
  const bins = errors.length - 1;
  if (isMostlyNoise(errors.slice(0, bins), noiseVariance)) return null;
  const magnitudes = errorMidpoints(maxError, bins).map(Math.abs);
  const mae = (counts: readonly number[]): number | null => {
    let n = 0;
    let total = 0;
    counts.forEach((c, b) => {
      n += c;
      total += c * (magnitudes[b] as number);
    });
    return n > 0 ? clip(total / n, 0, maxError) : null;
  };
  return parametricBootstrap(errors.slice(0, bins), noiseVariance, mae, {
    range: [0, maxError],
    ...options,
  });
}
