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
import { normalCdf } from '../growth/normal-cdf.js';
import { statsError } from './stats-errors.js';

const INVERSE_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);

/** Throws `STATS_INPUT_INVALID` unless `value` is a finite variance ≥ 0. */
export function assertNoiseVariance(value: number): void {
  if (!(value >= 0 && Number.isFinite(value))) {
    throw statsError('STATS_INPUT_INVALID', 'noise variance must be finite and non-negative');
  }
}

/** Noise variance of a sum of releases with these σ² (each finite, ≥ 0). */
export function pooledNoiseVariance(sigma2s: readonly number[]): number {
  sigma2s.forEach(assertNoiseVariance);
  return sigma2s.reduce((a, b) => a + b, 0);
}

/**
 * Var(max(0, c + Z)) for Z ~ N(0, σ²): the noise variance a cell keeps after
 * clamping, at a cell whose (clamped) count is `count`. Clamping flattens
 * the metric for downward noise, so a cell near 0 passes on much less noise
 * (0.34σ² at 0) than a large one (σ²). With a = c/σ,
 *   E[M] = σφ(a) + cΦ(a),  E[M²] = (c² + σ²)Φ(a) + cσφ(a).
 * Used as the per-cell variance of the delta method, evaluated at the
 * clamped observed count (a plug-in, like every other count here).
 */
export function clampedNoiseVariance(count: number, noiseVariance: number): number {
  if (noiseVariance === 0) return 0;
  const sigma = Math.sqrt(noiseVariance);
  const a = count / sigma;
  const density = Math.exp(-0.5 * a * a) * INVERSE_SQRT_TWO_PI;
  const below = normalCdf(a);
  const mean = sigma * density + count * below;
  const meanSquare = (count * count + noiseVariance) * below + count * sigma * density;
  return Math.max(0, meanSquare - mean * mean);
}

/**
 * The count x ≥ 0 whose clamped noisy reading has mean `clamped`:
 * E[max(0, x + Z)] = xΦ(x/σ) + σφ(x/σ) = clamped, Z ~ N(0, σ²); 0 when
 * `clamped` is below σ/√(2π), the mean reading of an empty cell. The
 * method-of-moments estimate of a true count from a clamped cell, used as
 * the bootstrap world's truth (parametric-bootstrap.ts). Newton's method
 * from x = clamped descends monotonically: the mean is convex in x.
 */
export function unclampedCount(clamped: number, noiseVariance: number): number {
  if (noiseVariance === 0) return clamped;
  const sigma = Math.sqrt(noiseVariance);
  const reading = (x: number): number =>
    x * normalCdf(x / sigma) + sigma * Math.exp(-0.5 * (x / sigma) ** 2) * INVERSE_SQRT_TWO_PI;
  if (clamped <= sigma * INVERSE_SQRT_TWO_PI) return 0;
  let x = clamped;
  for (let i = 0; i < 100; i += 1) {
    const next = Math.max(0, x - (reading(x) - clamped) / normalCdf(x / sigma));
    if (Math.abs(next - x) <= 1e-12 * Math.max(1, x)) return next;
    x = next;
  }
  return x;
}
