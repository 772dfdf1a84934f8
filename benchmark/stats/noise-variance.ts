/**
 * The variance of the DP noise on a cell of a release vector. A site adds
 * discrete Gaussian noise with parameter σ² to every cell it releases
 * (the release states σ² exactly; as a number it is
 * `toNumber(parseRational(sigma2))`), independently across cells and sites.
 * A pool is the cell-wise sum of sites' vectors, so its noise variance on a
 * cell is the sum of the σ² of the sites that released that cell: a block a
 * site suppressed is zeros there, not noise.
 *
 * The discrete Gaussian's variance is below σ² (by 2e-7 relative at σ = 1,
 * by less than 1e-15 from σ = 2), so using σ² errs, negligibly, on the wide
 * side.
 */
import { sumOf } from '../metrics/noisy-counts.js';
import { statsError } from './stats-errors.js';

/** Throws `STATS_INPUT_INVALID` unless `value` is a finite variance ≥ 0. */
export function assertNoiseVariance(value: number): void {
  if (!(value >= 0 && Number.isFinite(value))) {
    throw statsError('STATS_INPUT_INVALID', 'noise variance must be finite and non-negative');
  }
}

/** Noise variance of a sum of releases with these σ² (each finite, ≥ 0). */
export function pooledNoiseVariance(sigma2s: readonly number[]): number {
  sigma2s.forEach(assertNoiseVariance);
  return sumOf(sigma2s);
}
