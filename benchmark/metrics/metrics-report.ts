/**
 * The whole evaluation of one prediction set: metrics over every example,
 * per subgroup, and the fairness gaps between subgroups. This is the object
 * `centile metrics` prints, so model owners see what a node computes.
 */
import { DEFAULT_THRESHOLD } from './binary-metrics.js';
import type { BinaryMetrics } from './binary-metrics.js';
import { binaryFairnessGaps, regressionFairnessGaps } from './fairness-gaps.js';
import type { BinaryFairness, BinaryGroupOutcome, RegressionFairness } from './fairness-gaps.js';
import { membershipOfGrouping } from './group-membership.js';
import type { Grouping } from './group-rows.js';
import { groupedBinaryOutcomes } from './grouped-binary.js';
import { groupedRegression } from './grouped-regression.js';
import type { RegressionMetrics } from './regression-metrics.js';

/** Metrics over all examples and per group (by name); `fairness` only when groups were given. */
export interface MetricsReport<M, F> {
  readonly all: M;
  readonly groups: Readonly<Record<string, M>>;
  readonly fairness?: F;
}

export type BinaryReport = MetricsReport<BinaryMetrics, BinaryFairness>;
export type RegressionReport = MetricsReport<RegressionMetrics, RegressionFairness>;

/** The groups part of a report: non-empty groups by name, and the gaps between them. */
export type GroupsReport<M, F> = Required<Omit<MetricsReport<M, F>, 'all'>>;

/**
 * Binary metrics of `scores` for `labels` (see `binaryMetrics`), per group of
 * `grouping` when given. Groups with no example are left out.
 * @throws CentileError `METRIC_INPUT_INVALID` (see `assertBinaryInput`).
 */
export function binaryReport(
  labels: Uint8Array,
  scores: Float64Array | Float32Array,
  grouping?: Grouping,
  threshold: number = DEFAULT_THRESHOLD,
): BinaryReport {
  const membership = membershipOfGrouping(labels.length, grouping);
  const [all, ...groups] = groupedBinaryOutcomes(labels, scores, membership, threshold);
  const metrics = (all as BinaryGroupOutcome).metrics;
  if (grouping === undefined) return { all: metrics, groups: {} };
  return { all: metrics, ...binaryGroupsReport(grouping.names, groups) };
}

/**
 * Regression metrics of `predictions` against `targets` (see
 * `regressionMetrics`), per group of `grouping` when given.
 * @throws CentileError `METRIC_INPUT_INVALID`.
 */
export function regressionReport(
  targets: Float64Array | Float32Array,
  predictions: Float64Array | Float32Array,
  grouping?: Grouping,
): RegressionReport {
  const membership = membershipOfGrouping(targets.length, grouping);
  const [all, ...groups] = groupedRegression(targets, predictions, membership);
  if (grouping === undefined) return { all: all as RegressionMetrics, groups: {} };
  return { all: all as RegressionMetrics, ...regressionGroupsReport(grouping.names, groups) };
}

/** The groups named `names` (outcomes in the same order) and the binary gaps between them. */
export function binaryGroupsReport(
  names: readonly string[],
  outcomes: readonly BinaryGroupOutcome[],
): GroupsReport<BinaryMetrics, BinaryFairness> {
  const named = nonEmptyByName(names, outcomes, (o) => o.metrics.n);
  return {
    groups: Object.fromEntries(named.map(([name, o]) => [name, o.metrics])),
    fairness: binaryFairnessGaps(named.map(([, o]) => o)),
  };
}

/** The groups named `names` (metrics in the same order) and the regression gaps between them. */
export function regressionGroupsReport(
  names: readonly string[],
  metrics: readonly RegressionMetrics[],
): GroupsReport<RegressionMetrics, RegressionFairness> {
  const named = nonEmptyByName(names, metrics, (m) => m.n);
  return {
    groups: Object.fromEntries(named),
    fairness: regressionFairnessGaps(named.map(([, m]) => m)),
  };
}

/**
 * Each group with an example, sorted by name (code-unit order) so the
 * report reads the same whatever the row order.
 */
function nonEmptyByName<R>(
  names: readonly string[],
  results: readonly R[],
  sizeOf: (result: R) => number,
): [string, R][] {
  return names
    .map((name, group) => [name, results[group] as R] as [string, R])
    .filter(([, result]) => sizeOf(result) > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
