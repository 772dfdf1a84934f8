/**
 * The sampling variance of an AUROC (the Mann–Whitney statistic) by Hanley &
 * McNeil (Radiology 143, 1982, eq. 2):
 *   Var(A) = [A(1 − A) + (P − 1)(Q₁ − A²) + (N − 1)(Q₂ − A²)] / (P·N),
 * with Q₁ = A/(2 − A) (two positives both outrank one negative) and
 * Q₂ = 2A²/(1 + A) (one positive outranks two negatives), the values these
 * probabilities take when the scores of both classes are exponential. It
 * needs only A and the class sizes, which is all a histogram release gives
 * with certainty; DeLong's variance would need the placements of every
 * example. It is 0 at A = 0 or 1, where it understates the uncertainty of a
 * small sample.
 */
import { statsError } from './stats-errors.js';

/** Hanley–McNeil variance of an AUROC `auroc` from `positives` and `negatives` (> 0) examples. */
export function hanleyMcNeilVariance(auroc: number, positives: number, negatives: number): number {
  if (!(auroc >= 0 && auroc <= 1) || !(positives > 0) || !(negatives > 0)) {
    throw statsError('STATS_INPUT_INVALID', 'need an AUROC in [0, 1] and both classes non-empty');
  }
  const a2 = auroc * auroc;
  const q1 = auroc / (2 - auroc);
  const q2 = (2 * a2) / (1 + auroc);
  // Noisy class sizes are sums of noisy cells, fractional and possibly below 1; max keeps them sane.
  const variance =
    auroc * (1 - auroc) +
    Math.max(0, positives - 1) * (q1 - a2) +
    Math.max(0, negatives - 1) * (q2 - a2);
  return Math.max(0, variance / (positives * negatives));
}
