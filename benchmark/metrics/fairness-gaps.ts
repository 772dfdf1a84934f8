/**
 * Fairness gaps from per-group results (DESIGN.md §7): how far apart the
 * groups a site defines (sex, age band, preterm, …) fare under one model.
 * A gap is max − min over the groups where the rate is defined, and `null`
 * unless at least two groups define it: one group has nothing to differ from,
 * and a group without positives has no true-positive rate (counting it as 0,
 * as a zero-division default would, would invent a gap).
 *
 * The field names are those of the JSON report, hence snake_case.
 */
import type { BinaryMetrics } from './binary-metrics.js';
import type { RegressionMetrics } from './regression-metrics.js';
import type { ConfusionCounts } from './threshold-metrics.js';

/** Gaps between groups of a binary classifier, all in [0, 1]. */
export interface BinaryFairness {
  /** max − min over groups of the positive-prediction rate (score ≥ threshold). */
  readonly demographic_parity_difference: number | null;
  /** max − min over groups with a positive of the true-positive rate (recall). */
  readonly equal_opportunity_difference: number | null;
  /** max − min over groups with both classes of the AUROC. */
  readonly auroc_gap: number | null;
  /** The lowest AUROC of a group with both classes. */
  readonly worst_group_auroc: number | null;
  /** The lowest recall (sensitivity) of a group with a positive. */
  readonly worst_group_recall: number | null;
}

/** Gaps between groups of a regression model, in the targets' unit. */
export interface RegressionFairness {
  /** The highest MAE of a group. */
  readonly worst_group_mae: number | null;
  /** max − min over groups of the MAE. */
  readonly mae_gap: number | null;
  /** max − min over groups of the bias (mean prediction − target). */
  readonly bias_gap: number | null;
}

/** What a binary group contributes: its metrics and its confusion counts. */
export interface BinaryGroupOutcome {
  readonly metrics: BinaryMetrics;
  readonly counts: ConfusionCounts;
}

/** Gaps over `groups` (each non-empty; order does not matter). */
export function binaryFairnessGaps(groups: readonly BinaryGroupOutcome[]): BinaryFairness {
  const predictedPositiveRates = groups.map(({ metrics, counts }) =>
    metrics.n > 0 ? (counts.truePositives + counts.falsePositives) / metrics.n : null,
  );
  const recalls = groups.map(({ metrics }) => (metrics.positives > 0 ? metrics.recall : null));
  const aurocs = groups.map(({ metrics }) => metrics.auroc);
  return {
    demographic_parity_difference: spread(predictedPositiveRates),
    equal_opportunity_difference: spread(recalls),
    auroc_gap: spread(aurocs),
    worst_group_auroc: extreme(aurocs, smaller),
    worst_group_recall: extreme(recalls, smaller),
  };
}

/** Gaps over `groups`. */
export function regressionFairnessGaps(groups: readonly RegressionMetrics[]): RegressionFairness {
  const maes = groups.map((g) => g.mae);
  return {
    worst_group_mae: extreme(maes, larger),
    mae_gap: spread(maes),
    bias_gap: spread(groups.map((g) => g.bias)),
  };
}

/** max − min of the defined values; `null` for fewer than two. */
export function spread(values: readonly (number | null)[]): number | null {
  const defined = definedOf(values);
  return defined.length < 2 ? null : defined.reduce(larger) - defined.reduce(smaller);
}

/** The smallest or largest defined value, by `pick`; `null` for none. */
export function extreme(
  values: readonly (number | null)[],
  pick: (a: number, b: number) => number,
): number | null {
  const defined = definedOf(values);
  return defined.length === 0 ? null : defined.reduce(pick);
}

function definedOf(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

// Reductions rather than Math.max(...values): no argument-count limit on the number of groups.
export function larger(a: number, b: number): number {
  return a > b ? a : b;
}

export function smaller(a: number, b: number): number {
  return a < b ? a : b;
}
