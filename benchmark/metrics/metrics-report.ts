/**
 * The whole evaluation of one prediction set: metrics over every example,
 * per subgroup, and the fairness gaps between subgroups. This is the object
 * `centile metrics` prints, so model owners see what a node computes.
 */
import { CentileError } from '../errors.js';
import { assertBinaryInput, binaryMetricsOf, DEFAULT_THRESHOLD } from './binary-metrics.js';
import type { BinaryMetrics } from './binary-metrics.js';
import { binaryFairnessGaps, regressionFairnessGaps } from './fairness-gaps.js';
import type { BinaryFairness, BinaryGroupOutcome, RegressionFairness } from './fairness-gaps.js';
import { pickRows, rowsByGroup } from './group-rows.js';
import type { Grouping } from './group-rows.js';
import { regressionMetrics } from './regression-metrics.js';
import type { RegressionMetrics } from './regression-metrics.js';
import { countConfusion } from './threshold-metrics.js';

/** Metrics over all examples and per group (by name); `fairness` only when groups were given. */
export interface MetricsReport<M, F> {
  readonly all: M;
  readonly groups: Readonly<Record<string, M>>;
  readonly fairness?: F;
}

export type BinaryReport = MetricsReport<BinaryMetrics, BinaryFairness>;
export type RegressionReport = MetricsReport<RegressionMetrics, RegressionFairness>;

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
  assertBinaryInput(labels, scores);
  const outcome = (l: Uint8Array, s: Float64Array | Float32Array): BinaryGroupOutcome => {
    const counts = countConfusion(l, s, threshold);
    return { counts, metrics: binaryMetricsOf(l, s, counts) };
  };
  const all = outcome(labels, scores).metrics;
  if (grouping === undefined) return { all, groups: {} };
  const groups = perGroup(grouping, labels.length, (rows) =>
    outcome(pickRows(labels, rows), pickRows(scores, rows)),
  );
  return {
    all,
    groups: Object.fromEntries(groups.map(([name, g]) => [name, g.metrics])),
    fairness: binaryFairnessGaps(groups.map(([, g]) => g)),
  };
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
  const all = regressionMetrics(targets, predictions);
  if (grouping === undefined) return { all, groups: {} };
  const groups = perGroup(grouping, targets.length, (rows) =>
    regressionMetrics(pickRows(targets, rows), pickRows(predictions, rows)),
  );
  return {
    all,
    groups: Object.fromEntries(groups),
    fairness: regressionFairnessGaps(groups.map(([, g]) => g)),
  };
}

/**
 * `evaluate` of each non-empty group, sorted by name (code-unit order) so the
 * report reads the same whatever the row order.
 */
function perGroup<R>(
  grouping: Grouping,
  rowCount: number,
  evaluate: (rows: Uint32Array) => R,
): [string, R][] {
  if (grouping.groupOf.length !== rowCount) {
    throw new CentileError('invalid-input', 'METRIC_INPUT_INVALID', 'one group per example');
  }
  const rows = rowsByGroup(grouping.groupOf, grouping.names.length);
  return grouping.names
    .map((name, group) => [name, rows[group] as Uint32Array] as const)
    .filter(([, groupRows]) => groupRows.length > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, groupRows]) => [name, evaluate(groupRows)]);
}
