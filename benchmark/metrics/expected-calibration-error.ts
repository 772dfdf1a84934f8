import { createCompensatedSum } from './compensated-sum.js';
import type { CompensatedSum } from './compensated-sum.js';

/** ECE bins: equal width on [0, 1], the top one closed. */
export const ECE_BINS = 10;

/**
 * Expected calibration error over {@link ECE_BINS} equal-width bins: a score
 * p falls in bin min(⌊p·10⌋, 9), and ECE = Σ_b (n_b/n)·|mean label − mean
 * score| over the non-empty bins. Computed as Σ_b |Σ labels − Σ scores| / n,
 * which is the same quantity with one division. `null` for no example.
 * Scores must lie in [0, 1].
 */
export function expectedCalibrationError(
  labels: Uint8Array,
  scores: Float64Array | Float32Array,
): number | null {
  if (labels.length === 0) return null;
  const positives = new Float64Array(ECE_BINS);
  const scoreSums: CompensatedSum[] = Array.from({ length: ECE_BINS }, createCompensatedSum);
  for (let i = 0; i < labels.length; i++) {
    const score = scores[i] as number;
    const bin = Math.min(Math.floor(score * ECE_BINS), ECE_BINS - 1);
    (scoreSums[bin] as CompensatedSum).add(score);
    positives[bin] = (positives[bin] as number) + (labels[i] as number);
  }
  let gaps = 0;
  scoreSums.forEach((sum, bin) => {
    gaps += Math.abs((positives[bin] as number) - sum.total());
  });
  return gaps / labels.length;
}
