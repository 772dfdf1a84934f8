/**
 * Noisy counts → counts a metric can use. A released cell is the true count
 * plus discrete Gaussian noise, so it can be negative. Clamping each cell at
 * 0 reads only the released vector, so it is post-processing and costs no
 * privacy (zCDP is closed under post-processing); it is also what the
 * metrics code does (binned-binary.ts, binned-regression.ts), so every
 * estimate here describes the same counts as the reported metrics.
 *
 * Clamping biases empty cells upwards (E[max(0, Z)] = σ/√(2π) for an empty
 * cell); the intervals in this folder account for that (see
 * parametric-bootstrap.ts), the point estimates do not.
 */
import { statsError } from './stats-errors.js';

/** Each cell clamped at 0; throws `STATS_INPUT_INVALID` for a non-finite cell. */
export function toUsableCounts(noisy: readonly number[]): number[] {
  return noisy.map((value) => {
    if (!Number.isFinite(value)) throw statsError('STATS_INPUT_INVALID', 'count is not finite');
    return Math.max(0, value);
  });
}
