/**
 * The exact metrics of a binary classifier (binary-metrics.ts) over many
 * groups of examples at once, as a node evaluates a task's subgroups: one
 * pass for the per-example metrics and one sort for the ranking metrics,
 * however many groups. Each group's metrics equal, bit for bit,
 * `binaryMetrics` of that group's examples in row order.
 */
import { assertBinaryInput, EMPTY_BINARY_METRICS } from './binary-metrics.js';
import type { BinaryGroupOutcome } from './fairness-gaps.js';
import { assertMembership } from './group-membership.js';
import type { GroupMembership } from './group-membership.js';
import { groupedPointwise } from './grouped-pointwise.js';
import { groupedRanking } from './grouped-ranking.js';
import type { RankingMetrics } from './ranking-metrics.js';
import { thresholdMetrics } from './threshold-metrics.js';

/**
 * Metrics and confusion counts at `threshold` of each group of `membership`
 * (by group index; a group without examples has `n` 0 and null metrics).
 * @throws CentileError `METRIC_INPUT_INVALID` for invalid labels, scores or membership.
 */
export function groupedBinaryOutcomes(
  labels: Uint8Array,
  scores: Float32Array | Float64Array,
  membership: GroupMembership,
  threshold: number,
): BinaryGroupOutcome[] {
  assertBinaryInput(labels, scores);
  assertMembership(membership, labels.length);
  const ranking = groupedRanking(labels, scores, membership);
  return groupedPointwise(labels, scores, membership, threshold).map(
    ({ counts, brier, ece }, group) => {
      const positives = counts.truePositives + counts.falseNegatives;
      const n = positives + counts.falsePositives + counts.trueNegatives;
      if (n === 0) return { counts, metrics: EMPTY_BINARY_METRICS };
      const metrics = {
        n,
        positives,
        ...thresholdMetrics(counts, 0),
        brier,
        ece,
        ...(ranking[group] as RankingMetrics),
      };
      return { counts, metrics };
    },
  );
}
