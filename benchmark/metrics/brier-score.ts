import { createCompensatedSum } from './compensated-sum.js';

/**
 * Brier score: the mean of (score − label)² over the examples, as
 * scikit-learn's `brier_score_loss`; `null` for no example.
 */
export function brierScore(labels: Uint8Array, scores: Float64Array | Float32Array): number | null {
  if (labels.length === 0) return null;
  const sum = createCompensatedSum();
  for (let i = 0; i < labels.length; i++) {
    const error = (scores[i] as number) - (labels[i] as number);
    sum.add(error * error);
  }
  return sum.total() / labels.length;
}
