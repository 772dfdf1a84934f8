/**
 * Binary metrics from class score histograms over public, equal-width bins:
 * the post-processing that turns a (noisy) release into numbers. Noisy counts
 * can be negative; they are clamped at 0 first, which is post-processing and
 * costs no privacy.
 *
 * Threshold metrics at a bin edge are exact (the histogram knows which side
 * of the edge every score is on). AUROC, AUPRC, Brier and ECE depend on the
 * scores inside the bins; each comes with the interval that holds the exact
 * value, so a reader can tell binning error from model differences.
 */
import type { Interval } from './binned-estimate.js';
import { binnedBrier, binnedEce } from './binned-calibration.js';
import { binnedAuprc, binnedAuroc } from './binned-ranking.js';
import { thresholdMetrics } from './threshold-metrics.js';

export type { Interval } from './binned-estimate.js';

/** Where the exact value of each bin-dependent metric lies; `null` with its metric. */
export interface BinnedBounds {
  /** Half-width ½·Σ_b P_b·N_b / (P·N) around `auroc`. */
  readonly auroc: Interval | null;
  readonly auprc: Interval | null;
  readonly brier: Interval | null;
  /** Within 1/(2·bins) of `ece`. */
  readonly ece: Interval | null;
}

/** Metrics of one label. Rates are `null` when their denominator is empty. */
export interface BinnedBinaryMetrics {
  /** Examples with a valid score, by class (after clamping). */
  readonly positives: number;
  readonly negatives: number;
  /** Examples whose model output was invalid (NaN, ±inf, out of [0, 1]). */
  readonly invalid: number;
  /** Mann–Whitney AUROC with ties inside a bin counted half. */
  readonly auroc: number | null;
  /** At the threshold: score ≥ threshold → predicted positive. Equal to recall. */
  readonly sensitivity: number | null;
  readonly specificity: number | null;
  /** At the threshold, like sensitivity; F1 is `null` only with no positive and no positive prediction. */
  readonly accuracy: number | null;
  readonly precision: number | null;
  readonly f1: number | null;
  /** Average precision with each bin one threshold (tied scores). */
  readonly auprc: number | null;
  /** Brier score and 10-bin ECE with every score at its bin's midpoint (ECE: bins a multiple of 10). */
  readonly brier: number | null;
  readonly ece: number | null;
  readonly bounds: BinnedBounds;
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
  const rates = thresholdMetrics(
    {
      truePositives: sum(pos.slice(thresholdBin)),
      falsePositives: sum(neg.slice(thresholdBin)),
      trueNegatives: sum(neg.slice(0, thresholdBin)),
      falseNegatives: sum(pos.slice(0, thresholdBin)),
    },
    null,
  );
  const estimates = {
    auroc: binnedAuroc(neg, pos),
    auprc: binnedAuprc(neg, pos),
    brier: binnedBrier(neg, pos),
    ece: binnedEce(neg, pos),
  };
  return {
    positives,
    negatives,
    invalid: clampCount(negative[bins] ?? 0) + clampCount(positive[bins] ?? 0),
    auroc: estimates.auroc?.value ?? null,
    sensitivity: rates.recall,
    specificity: rates.specificity,
    accuracy: rates.accuracy,
    precision: rates.precision,
    f1: rates.f1,
    auprc: estimates.auprc?.value ?? null,
    brier: estimates.brier?.value ?? null,
    ece: estimates.ece?.value ?? null,
    bounds: {
      auroc: estimates.auroc?.bounds ?? null,
      auprc: estimates.auprc?.bounds ?? null,
      brier: estimates.brier?.bounds ?? null,
      ece: estimates.ece?.bounds ?? null,
    },
  };
}

function clampCount(value: number): number {
  return Math.max(0, value);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
