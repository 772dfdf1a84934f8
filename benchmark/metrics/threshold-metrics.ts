/**
 * Metrics of a hard decision (score ≥ threshold → predicted positive) from
 * its confusion counts. The same function serves exact counts and counts
 * read off (noisy) histograms at a bin-aligned threshold.
 */

/** Examples by true class and decision. Counts may be non-integer when they come from noise. */
export interface ConfusionCounts {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly trueNegatives: number;
  readonly falseNegatives: number;
}

/** Rates in [0, 1]; see {@link thresholdMetrics} for empty denominators. */
export interface ThresholdMetrics {
  readonly accuracy: number | null;
  readonly precision: number | null;
  /** Sensitivity, the true-positive rate. */
  readonly recall: number | null;
  readonly specificity: number | null;
  readonly f1: number | null;
}

/**
 * Confusion counts of `labels` (0/1) against `scores` at `threshold`:
 * a score ≥ threshold is a positive prediction.
 */
export function countConfusion(
  labels: Uint8Array,
  scores: Float64Array | Float32Array,
  threshold: number,
): ConfusionCounts {
  let truePositives = 0;
  let falsePositives = 0;
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    const predicted = (scores[i] as number) >= threshold;
    const label = labels[i] as number;
    positives += label;
    if (predicted) {
      truePositives += label;
      falsePositives += 1 - label;
    }
  }
  return {
    truePositives,
    falsePositives,
    trueNegatives: labels.length - positives - falsePositives,
    falseNegatives: positives - truePositives,
  };
}

/**
 * Rates of `counts`. A rate whose denominator is empty (precision with no
 * predicted positive, recall with no positive, …) is `emptyRate`: 0 matches
 * scikit-learn's default `zero_division`, which the exact metrics reproduce;
 * `null` is what released histograms use, where "no example" must not read
 * as a rate of 0. F1 is the harmonic mean of precision and recall (0 when
 * both are 0) and is empty only when there is no positive and no positive
 * prediction. Accuracy of no example is always `null`.
 */
export function thresholdMetrics(counts: ConfusionCounts, emptyRate: 0 | null): ThresholdMetrics {
  const { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn } = counts;
  const rate = (part: number, whole: number) => (whole > 0 ? part / whole : emptyRate);
  const total = tp + fp + tn + fn;
  return {
    accuracy: total > 0 ? (tp + tn) / total : null,
    precision: rate(tp, tp + fp),
    recall: rate(tp, tp + fn),
    specificity: rate(tn, tn + fp),
    f1: tp + fp + fn > 0 ? harmonicMean(rate(tp, tp + fp) ?? 0, rate(tp, tp + fn) ?? 0) : emptyRate,
  };
}

/** As scikit-learn computes F1 (from the rounded rates), so results agree to the last bits. */
function harmonicMean(precision: number, recall: number): number {
  const sum = precision + recall;
  return sum === 0 ? 0 : (2 * precision * recall) / sum;
}
