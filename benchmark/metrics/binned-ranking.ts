/**
 * AUROC and average precision from the two class histograms. A bin is
 * treated as one group of tied scores (what the metric would be if every
 * score in a bin were equal); the bounds are what the unknown order inside
 * each bin allows.
 */
import type { BinnedEstimate, ClassCounts } from './binned-estimate.js';
import { clippedEstimate } from './binned-estimate.js';
import { sumOf } from './noisy-counts.js';

/**
 * AUROC with ties inside a bin counted half: the midpoint of its bounds, so
 * |value − exact| ≤ ½·Σ_b P_b·N_b / (P·N), the pairs a bin leaves unordered.
 * The bound is attained when, in every bin, all positives score above (or
 * all below) all negatives. `null` when a class is empty.
 *
 * Noisy cells are read as released, negative ones too: the numerator is
 * bilinear in the two histograms and their noise is independent, so it is
 * unbiased, where cells clamped at 0 pull the AUROC towards 0.5
 * (noisy-counts.ts). A class whose noisy total is not above 0 is empty; the
 * value is clipped to [0, 1].
 */
export function binnedAuroc(negative: ClassCounts, positive: ClassCounts): BinnedEstimate | null {
  let negativesBelow = 0;
  let pairs = 0;
  let unordered = 0;
  positive.forEach((p, bin) => {
    const n = negative[bin] as number;
    pairs += p * negativesBelow;
    unordered += p * n;
    negativesBelow += n;
  });
  const positives = sumOf(positive);
  if (!(positives > 0 && negativesBelow > 0)) return null;
  const total = positives * negativesBelow;
  const value = (pairs + unordered / 2) / total;
  const halfWidth = Math.max(0, unordered) / 2 / total;
  return clippedEstimate(value, { lower: value - halfWidth, upper: value + halfWidth }, [0, 1]);
}

/**
 * Average precision with each bin one threshold (scikit-learn's treatment of
 * tied scores), from counts ≥ 0 (noisy cells clamped first: noisy-counts.ts),
 * bounded by the orders inside the bins. With T true and F false positives
 * above a bin of p positives and n negatives, a positive of the bin has
 * precision at most (T+p)/(T+F+p) (the bin's positives tied above its
 * negatives) and the i-th of them at least (T+i)/(T+F+n+i) (negatives
 * first); bins further down see the same T and F whatever the order, so the
 * per-bin extremes add up to attainable bounds. `null` when a class is empty.
 */
export function binnedAuprc(negative: ClassCounts, positive: ClassCounts): BinnedEstimate | null {
  const positives = sumOf(positive);
  if (positives === 0 || sumOf(negative) === 0) return null;
  let above = { truePositives: 0, falsePositives: 0 };
  let value = 0;
  let lower = 0;
  let upper = 0;
  for (let bin = positive.length - 1; bin >= 0; bin--) {
    const p = positive[bin] as number;
    const n = negative[bin] as number;
    const { truePositives: t, falsePositives: f } = above;
    if (p > 0) {
      value += (p * (t + p)) / (t + f + p + n);
      upper += (p * (t + p)) / (t + f + p);
      lower += negativesFirst(t, f + n, p);
    }
    above = { truePositives: t + p, falsePositives: f + n };
  }
  return {
    value: value / positives,
    bounds: { lower: lower / positives, upper: upper / positives },
  };
}

/**
 * Σ_{i=1..p} (t+i)/(t+f+i): the precisions of p positives ranked one by one
 * below f false positives. Counts are integers in every release (exact or
 * discrete-Gaussian noise, clamped); a fractional remainder adds its share of
 * the next term, so the sum stays monotone in p.
 */
function negativesFirst(t: number, f: number, p: number): number {
  const whole = Math.floor(p);
  let sum = 0;
  for (let i = 1; i <= whole; i++) sum += (t + i) / (t + f + i);
  const rest = p - whole;
  return rest > 0 ? sum + (rest * (t + whole + 1)) / (t + f + whole + 1) : sum;
}
