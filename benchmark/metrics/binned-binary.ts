/**
 * Binary metrics from class score histograms over public, equal-width bins:
 * the post-processing that turns a (noisy) release into numbers. Noisy counts
 * can be negative; they are summed as released and only counts and values
 * are clamped to their ranges (noisy-counts.ts), which costs no privacy.
 *
 * Threshold metrics at a bin edge are exact (the histogram knows which side
 * of the edge every score is on). AUROC, AUPRC, Brier and ECE depend on the
 * scores inside the bins; each comes with the interval that holds the exact
 * value, so a reader can tell binning error from model differences.
 */
import type { BinnedEstimate, Interval } from './binned-estimate.js';
import { binnedBrier, binnedEce } from './binned-calibration.js';
import { binnedAuprc, binnedAuroc } from './binned-ranking.js';
import { clampedCells, isMostlyNoise, nonNegative, sumOf } from './noisy-counts.js';
import { thresholdMetrics } from './threshold-metrics.js';
import type { ThresholdMetrics } from './threshold-metrics.js';

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
  /** Examples with a valid score, by class (noisy sums clamped at 0). */
  readonly positives: number;
  readonly negatives: number;
  /** Examples whose model output was invalid (NaN, ±inf, out of [0, 1]). */
  readonly invalid: number;
  /** Examples with a score at or above the threshold (a noisy sum, clamped at 0). */
  readonly predictedPositives: number;
  /**
   * A class's noisy total is within two noise SDs of 0 (noisy-counts.ts):
   * AUROC, AUPRC and the rate over that class are `null`, not estimable at
   * this noise. (Precision, F1, accuracy, Brier and ECE follow the same
   * rule over their own denominators.)
   */
  readonly mostlyNoise: boolean;
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
 * The AUROC binning error is at most ½ Σ_b P_b·N_b / (P·N). `noiseVariance`
 * is the noise variance of each cell (0 for exact counts).
 */
export function binnedBinaryMetrics(
  negative: readonly number[],
  positive: readonly number[],
  thresholdBin: number,
  noiseVariance = 0,
): BinnedBinaryMetrics {
  const bins = negative.length - 1;
  const neg = negative.slice(0, bins);
  const pos = positive.slice(0, bins);
  const predicted = [...pos.slice(thresholdBin), ...neg.slice(thresholdBin)];
  const noisy = (cells: readonly number[]): boolean => isMostlyNoise(cells, noiseVariance);
  const noise: MostlyNoise = {
    positives: noisy(pos),
    negatives: noisy(neg),
    predicted: noisy(predicted),
    all: noisy([...pos, ...neg]),
  };
  const rates = ratesAt(neg, pos, thresholdBin, noise);
  const estimates = binEstimates(neg, pos, noise);
  return {
    positives: nonNegative(sumOf(pos)),
    negatives: nonNegative(sumOf(neg)),
    invalid: nonNegative((negative[bins] ?? 0) + (positive[bins] ?? 0)),
    predictedPositives: nonNegative(sumOf(predicted)),
    mostlyNoise: noise.positives || noise.negatives,
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

/** Which denominators are mostly noise (noisy-counts.ts): each class, the predicted positives, all examples. */
interface MostlyNoise {
  readonly positives: boolean;
  readonly negatives: boolean;
  readonly predicted: boolean;
  readonly all: boolean;
}

/** The threshold metrics, each `null` where its denominator is mostly noise. */
function ratesAt(
  neg: readonly number[],
  pos: readonly number[],
  thresholdBin: number,
  noise: MostlyNoise,
): ThresholdMetrics {
  const count = (cells: readonly number[], from: number, to?: number): number =>
    nonNegative(sumOf(cells.slice(from, to)));
  const rates = thresholdMetrics(
    {
      truePositives: count(pos, thresholdBin),
      falsePositives: count(neg, thresholdBin),
      trueNegatives: count(neg, 0, thresholdBin),
      falseNegatives: count(pos, 0, thresholdBin),
    },
    null,
  );
  const unless = (mostlyNoise: boolean, value: number | null): number | null =>
    mostlyNoise ? null : value;
  return {
    recall: unless(noise.positives, rates.recall),
    specificity: unless(noise.negatives, rates.specificity),
    accuracy: unless(noise.all, rates.accuracy),
    precision: unless(noise.predicted, rates.precision),
    f1: unless(noise.predicted || noise.positives, rates.f1),
  };
}

/** The bin-dependent metrics: ranking ones need both classes, calibration ones all examples. */
function binEstimates(
  neg: readonly number[],
  pos: readonly number[],
  noise: MostlyNoise,
): Record<'auroc' | 'auprc' | 'brier' | 'ece', BinnedEstimate | null> {
  const ranked = !noise.positives && !noise.negatives;
  const [clampedNeg, clampedPos] = [clampedCells(neg), clampedCells(pos)];
  return {
    auroc: ranked ? binnedAuroc(neg, pos) : null,
    auprc: ranked ? binnedAuprc(clampedNeg, clampedPos) : null,
    brier: noise.all ? null : binnedBrier(neg, pos),
    ece: noise.all ? null : binnedEce(clampedNeg, clampedPos),
  };
}
