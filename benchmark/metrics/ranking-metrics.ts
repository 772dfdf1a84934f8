/**
 * AUROC and average precision in O(n log n): each class's scores are copied
 * and sorted natively (typed-array sort, no comparator), then the two sorted
 * runs are walked together from the highest score down, one group of tied
 * scores at a time. This is what lets a node score millions of examples.
 */
import { createCompensatedSum } from './compensated-sum.js';

/** Ranking metrics; `null` when one class is absent (scikit-learn raises or returns NaN there). */
export interface RankingMetrics {
  /** Area under the ROC curve: P(score⁺ > score⁻) + ½·P(score⁺ = score⁻). */
  readonly auroc: number | null;
  /** Average precision: Σ over distinct thresholds of ΔRecall·Precision, no interpolation. */
  readonly auprc: number | null;
}

type Scores = Float64Array | Float32Array;

/**
 * AUROC (ties count half, as `roc_auc_score`) and average precision (as
 * `average_precision_score`: step-wise, tied scores form one threshold) of
 * `scores` for `labels` (0/1, same length; not checked here).
 */
export function rankingMetrics(labels: Uint8Array, scores: Scores): RankingMetrics {
  const { positive, negative } = sortByClass(labels, scores);
  if (positive.length === 0 || negative.length === 0) return { auroc: null, auprc: null };
  return walkTies(positive, negative);
}

/** Each class's scores, ascending, in arrays of the input's precision. */
function sortByClass(labels: Uint8Array, scores: Scores): { positive: Scores; negative: Scores } {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] as number;
  const make = (length: number): Scores =>
    scores instanceof Float32Array ? new Float32Array(length) : new Float64Array(length);
  const positive = make(positives);
  const negative = make(labels.length - positives);
  let p = 0;
  let n = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) positive[p++] = scores[i] as number;
    else negative[n++] = scores[i] as number;
  }
  return { positive: positive.sort(), negative: negative.sort() };
}

/**
 * One pass over the distinct scores, highest first. AUROC counts twice the
 * concordant pairs as an integer (exact below 2⁵³, i.e. for P·N up to about
 * 4.5·10¹⁵) and divides once; average precision adds one precision per
 * threshold with a compensated sum.
 */
function walkTies(positive: Scores, negative: Scores): Required<RankingMetrics> {
  const totalPositives = positive.length;
  const totalNegatives = negative.length;
  let p = totalPositives - 1;
  let n = totalNegatives - 1;
  let twicePairs = 0;
  const precisionSum = createCompensatedSum();
  while (p >= 0) {
    const score = Math.max(positive[p] as number, n >= 0 ? (negative[n] as number) : -Infinity);
    const tiedPositives = p - lastBelow(positive, p, score);
    const tiedNegatives = n - lastBelow(negative, n, score);
    p -= tiedPositives;
    n -= tiedNegatives;
    const negativesBelow = n + 1;
    twicePairs += tiedPositives * (2 * negativesBelow + tiedNegatives);
    const truePositives = totalPositives - p - 1;
    const falsePositives = totalNegatives - n - 1;
    if (tiedPositives > 0) {
      precisionSum.add((tiedPositives * truePositives) / (truePositives + falsePositives));
    }
  }
  return {
    auroc: twicePairs / (2 * totalPositives * totalNegatives),
    auprc: precisionSum.total() / totalPositives,
  };
}

/** The highest index ≤ `from` whose score is below `score` (−1 when none): skips a run of ties. */
function lastBelow(sorted: Scores, from: number, score: number): number {
  let i = from;
  while (i >= 0 && (sorted[i] as number) === score) i--;
  return i;
}
