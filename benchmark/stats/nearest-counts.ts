/**
 * The bootstrap world's true counts from a noisy histogram: the vector of
 * non-negative counts nearest to it (Euclidean) with the same total, i.e.
 * the projection onto the scaled simplex, x_b = max(0, y_b − λ) with λ set
 * so that Σ x = Σ y (Duchi et al., ICML 2008, Fig. 1).
 *
 * Why not max(0, y): every empty cell would keep the positive half of its
 * noise, σ/√(2π) on average, so the world would hold more examples than the
 * release and have them spread over the far bins; the metric's sensitivity
 * to noise (∂MAE/∂c_b = (|m_b| − MAE)/n) then comes out too small. For MAE
 * at n = 500, σ² = 35 the replicates spread with SD 0.18 where the estimates
 * did with 0.24, and the interval covered 0.88; from the projection, 0.24
 * and 0.915. Keeping the total keeps n, and λ takes the noise off the small
 * cells. A total that is not above 0 leaves only the clamp, max(0, y).
 */
import { clampedCells, sumOf } from '../metrics/noisy-counts.js';

/** The non-negative counts nearest to `noisy` with its total (see above). */
export function nearestCounts(noisy: readonly number[]): number[] {
  const total = sumOf(noisy);
  if (!(total > 0)) return clampedCells(noisy);
  const sorted = [...noisy].sort((a, b) => b - a);
  let largest = 0;
  let lambda = 0;
  sorted.forEach((y, j) => {
    largest += y;
    const candidate = (largest - total) / (j + 1);
    if (y > candidate) lambda = candidate;
  });
  return noisy.map((y) => Math.max(0, y - lambda));
}
