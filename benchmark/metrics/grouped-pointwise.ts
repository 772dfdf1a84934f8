/**
 * The metrics of a binary classifier that add one term per example — the
 * confusion counts at the threshold, the Brier score and the ECE — for every
 * group at once, in one pass over the examples: totals per cell, folded into
 * groups (cell-totals.ts). Terms are those of brierScore and
 * expectedCalibrationError, so the results are theirs on each group.
 */
import { addCompensated, compensatedTotal } from './compensated-sum.js';
import { createUnitTotals, foldIntoGroups } from './cell-totals.js';
import type { UnitTotals } from './cell-totals.js';
import { ECE_BINS } from './expected-calibration-error.js';
import type { GroupMembership } from './group-membership.js';
import type { ConfusionCounts } from './threshold-metrics.js';

/** One group's per-example metrics; `null` for a group without examples. */
export interface PointwiseMetrics {
  readonly counts: ConfusionCounts;
  readonly brier: number | null;
  readonly ece: number | null;
}

/**
 * Per unit, the counts: examples by (label, decision) — true negatives,
 * false positives, false negatives, true positives — then positives per ECE
 * bin; the sums: squared errors (sum 0), then scores per ECE bin (1 + bin).
 */
const OUTCOMES = 4;
const COUNT_WIDTH = OUTCOMES + ECE_BINS;
const SUM_WIDTH = 1 + ECE_BINS;

/**
 * Confusion counts at `threshold` (score ≥ threshold is positive), Brier
 * score and ECE of each group of `membership`, by group index; inputs
 * already checked.
 */
export function groupedPointwise(
  labels: Uint8Array,
  scores: Float32Array | Float64Array,
  membership: GroupMembership,
  threshold: number,
): PointwiseMetrics[] {
  const cells = totalsByCell(labels, scores, membership, threshold);
  const groups = foldIntoGroups(cells, membership);
  return Array.from({ length: membership.groupCount }, (_, group) => metricsOf(groups, group));
}

function totalsByCell(
  labels: Uint8Array,
  scores: Float32Array | Float64Array,
  membership: GroupMembership,
  threshold: number,
): UnitTotals {
  const { cellOf, cellGroups, groupsPerCell } = membership;
  const cells = createUnitTotals(cellGroups.length / groupsPerCell, COUNT_WIDTH, SUM_WIDTH);
  const { counts, sums } = cells;
  // Module constants as locals: each read of a module binding in the loop costs a check.
  const [bins, outcomes, countWidth, sumWidth] = [ECE_BINS, OUTCOMES, COUNT_WIDTH, SUM_WIDTH];
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    const score = scores[i] as number;
    const cell = cellOf[i] as number;
    const bin = Math.min(Math.floor(score * bins), bins - 1);
    // 2·label + decision: true negative, false positive, false negative, true positive.
    const outcome = countWidth * cell + 2 * label + (score >= threshold ? 1 : 0);
    counts[outcome] = (counts[outcome] as number) + 1;
    const binPositives = countWidth * cell + outcomes + bin;
    counts[binPositives] = (counts[binPositives] as number) + label;
    const error = score - label;
    addCompensated(sums, sumWidth * cell, error * error);
    addCompensated(sums, sumWidth * cell + 1 + bin, score);
  }
  return cells;
}

function metricsOf(groups: UnitTotals, group: number): PointwiseMetrics {
  const at = COUNT_WIDTH * group;
  const [trueNegatives = 0, falsePositives = 0, falseNegatives = 0, truePositives = 0] =
    groups.counts.subarray(at, at + OUTCOMES);
  const counts = { truePositives, falsePositives, trueNegatives, falseNegatives };
  const n = truePositives + falsePositives + trueNegatives + falseNegatives;
  if (n === 0) return { counts, brier: null, ece: null };
  let gaps = 0;
  for (let bin = 0; bin < ECE_BINS; bin++) {
    const positives = groups.counts[at + OUTCOMES + bin] as number;
    gaps += Math.abs(positives - compensatedTotal(groups.sums, SUM_WIDTH * group + 1 + bin));
  }
  return {
    counts,
    brier: compensatedTotal(groups.sums, SUM_WIDTH * group) / n,
    ece: gaps / n,
  };
}
