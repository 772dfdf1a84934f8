/**
 * The exact (no-noise) metrics of a binary classifier, with the definitions
 * of scikit-learn 1.2.1 that model owners know. The node computes these for
 * local dry runs and the `centile metrics binary` command for model owners;
 * released results are computed from histograms instead (binned-binary.ts).
 */
import { CentileError } from '../errors.js';
import { brierScore } from './brier-score.js';
import { expectedCalibrationError } from './expected-calibration-error.js';
import { rankingMetrics } from './ranking-metrics.js';
import { countConfusion, thresholdMetrics } from './threshold-metrics.js';
import type { ConfusionCounts } from './threshold-metrics.js';

/** The metric names, in the order they are reported. */
export const BINARY_METRIC_KEYS = [
  'n',
  'positives',
  'accuracy',
  'precision',
  'recall',
  'specificity',
  'f1',
  'brier',
  'ece',
  'auroc',
  'auprc',
] as const;

/**
 * Metrics of one set of examples. Threshold rates with an empty denominator
 * are 0 (scikit-learn's `zero_division` default); AUROC and AUPRC are `null`
 * when only one class is present; every metric is `null` for no example.
 */
export type BinaryMetrics = Readonly<
  Record<'n' | 'positives', number> &
    Record<Exclude<(typeof BINARY_METRIC_KEYS)[number], 'n' | 'positives'>, number | null>
>;

/** The metrics of no example. */
export const EMPTY_BINARY_METRICS: BinaryMetrics = Object.freeze({
  n: 0,
  positives: 0,
  accuracy: null,
  precision: null,
  recall: null,
  specificity: null,
  f1: null,
  brier: null,
  ece: null,
  auroc: null,
  auprc: null,
});

/** Default decision threshold: score ≥ 0.5 is a positive prediction. */
export const DEFAULT_THRESHOLD = 0.5;

/**
 * Exact metrics of `scores` (probabilities in [0, 1]) for `labels` (0/1),
 * decisions at `threshold`. O(n log n) time, O(n) extra memory.
 * @throws CentileError `METRIC_INPUT_INVALID` when the arrays differ in length,
 *   a label is not 0/1 or a score is not in [0, 1].
 */
export function binaryMetrics(
  labels: Uint8Array,
  scores: Float64Array | Float32Array,
  threshold: number = DEFAULT_THRESHOLD,
): BinaryMetrics {
  assertBinaryInput(labels, scores);
  return binaryMetricsOf(labels, scores, countConfusion(labels, scores, threshold));
}

/** {@link binaryMetrics} when the confusion counts are already known (input already checked). */
export function binaryMetricsOf(
  labels: Uint8Array,
  scores: Float64Array | Float32Array,
  counts: ConfusionCounts,
): BinaryMetrics {
  if (labels.length === 0) return EMPTY_BINARY_METRICS;
  return {
    n: labels.length,
    positives: counts.truePositives + counts.falseNegatives,
    ...thresholdMetrics(counts, 0),
    brier: brierScore(labels, scores),
    ece: expectedCalibrationError(labels, scores),
    ...rankingMetrics(labels, scores),
  };
}

/**
 * Checks what the metric definitions need: equal lengths, labels 0/1, scores
 * in [0, 1] (NaN fails every comparison, so it is refused too).
 * @throws CentileError `METRIC_INPUT_INVALID`.
 */
export function assertBinaryInput(labels: Uint8Array, scores: Float64Array | Float32Array): void {
  if (labels.length !== scores.length) throw invalid('labels and scores differ in length');
  for (let i = 0; i < labels.length; i++) {
    if ((labels[i] as number) > 1) throw invalid('a label is not 0 or 1');
    const score = scores[i] as number;
    if (!(score >= 0 && score <= 1)) throw invalid('a score is not a probability in [0, 1]');
  }
}

function invalid(message: string): CentileError {
  return new CentileError('invalid-input', 'METRIC_INPUT_INVALID', message);
}
