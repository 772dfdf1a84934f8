/**
 * Binary metrics from class score histograms over public, equal-width bins:
 * the post-processing that turns a (noisy) release into numbers. Noisy counts
 * can be negative; they are clamped at 0 first, which is post-processing and
 * costs no privacy.
 */

/** Metrics of one label. Rates are `null` when their denominator is empty. */
export interface BinnedBinaryMetrics {
  /** Examples with a valid score, by class (after clamping). */
  readonly positives: number;
  readonly negatives: number;
  /** Examples whose model output was invalid (NaN, ±inf, out of [0, 1]). */
  readonly invalid: number;
  /** Mann–Whitney AUROC with ties inside a bin counted half. */
  readonly auroc: number | null;
  /** At the threshold: score ≥ threshold → predicted positive. */
  readonly sensitivity: number | null;
  readonly specificity: number | null;
}

/**
 * Metrics from histograms of `bins + 1` cells (the last counts invalid outputs).
 * `thresholdBin` is the first bin predicted positive (10 of 20 = score ≥ 0.5).
 * The AUROC binning error is at most ½ Σ_b P_b·N_b / (P·N).
 */
export function binnedBinaryMetrics(
  negative: readonly number[],
  positive: readonly number[],
  thresholdBin: number,
): BinnedBinaryMetrics {
  const bins = negative.length - 1;
  const neg = negative.slice(0, bins).map(clampCount);
  const pos = positive.slice(0, bins).map(clampCount);
  const negatives = sum(neg);
  const positives = sum(pos);
  return {
    positives,
    negatives,
    invalid: clampCount(negative[bins] ?? 0) + clampCount(positive[bins] ?? 0),
    auroc:
      positives > 0 && negatives > 0 ? aurocFromBins(neg, pos) / (positives * negatives) : null,
    sensitivity: positives > 0 ? sum(pos.slice(thresholdBin)) / positives : null,
    specificity: negatives > 0 ? sum(neg.slice(0, thresholdBin)) / negatives : null,
  };
}

function aurocFromBins(neg: readonly number[], pos: readonly number[]): number {
  let negativesBelow = 0;
  let pairs = 0;
  pos.forEach((p, b) => {
    const n = neg[b] as number;
    pairs += p * (negativesBelow + n / 2);
    negativesBelow += n;
  });
  return pairs;
}

function clampCount(value: number): number {
  return Math.max(0, value);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
