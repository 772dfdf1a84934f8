/**
 * The exact metrics of a regression model (regression-metrics.ts) over many
 * groups of examples at once, in one pass: totals per cell, folded into
 * groups (cell-totals.ts). Terms are those of `regressionMetrics`, so the
 * results are its results on each group.
 */
import { addCompensated, compensatedTotal } from './compensated-sum.js';
import { createUnitTotals, foldIntoGroups } from './cell-totals.js';
import type { UnitTotals } from './cell-totals.js';
import { assertMembership } from './group-membership.js';
import type { GroupMembership } from './group-membership.js';
import { assertRegressionInput, MAPE_EPSILON } from './regression-metrics.js';
import type { RegressionMetrics } from './regression-metrics.js';

/** Per unit, one count (examples) and four sums, in this order. */
const ABSOLUTE = 0;
const SQUARED = 1;
const RELATIVE = 2;
const SIGNED = 3;
const SUM_WIDTH = 4;

/**
 * Metrics of `predictions` against `targets` for each group of `membership`
 * (by group index; a group without examples has `n` 0 and null metrics).
 * @throws CentileError `METRIC_INPUT_INVALID` for a value that is not finite or an invalid membership.
 */
export function groupedRegression(
  targets: Float32Array | Float64Array,
  predictions: Float32Array | Float64Array,
  membership: GroupMembership,
): RegressionMetrics[] {
  assertRegressionInput(targets, predictions);
  assertMembership(membership, targets.length);
  const groups = foldIntoGroups(totalsByCell(targets, predictions, membership), membership);
  return Array.from({ length: membership.groupCount }, (_, group) => metricsOf(groups, group));
}

function totalsByCell(
  targets: Float32Array | Float64Array,
  predictions: Float32Array | Float64Array,
  membership: GroupMembership,
): UnitTotals {
  const { cellOf, cellGroups, groupsPerCell } = membership;
  const cells = createUnitTotals(cellGroups.length / groupsPerCell, 1, SUM_WIDTH);
  const { counts, sums } = cells;
  // Module constants as locals: each read of a module binding in the loop costs a check.
  const [sumWidth, epsilon] = [SUM_WIDTH, MAPE_EPSILON];
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i] as number;
    const error = (predictions[i] as number) - target;
    const cell = cellOf[i] as number;
    counts[cell] = (counts[cell] as number) + 1;
    // The sums in ABSOLUTE, SQUARED, RELATIVE, SIGNED order.
    const at = sumWidth * cell;
    addCompensated(sums, at, Math.abs(error));
    addCompensated(sums, at + 1, error * error);
    addCompensated(sums, at + 2, Math.abs(error) / Math.max(Math.abs(target), epsilon));
    addCompensated(sums, at + 3, error);
  }
  return cells;
}

function metricsOf(groups: UnitTotals, group: number): RegressionMetrics {
  const n = groups.counts[group] as number;
  if (n === 0) return { n, mae: null, rmse: null, mape: null, bias: null };
  const mean = (sum: number) => compensatedTotal(groups.sums, SUM_WIDTH * group + sum) / n;
  return {
    n,
    mae: mean(ABSOLUTE),
    rmse: Math.sqrt(mean(SQUARED)),
    mape: mean(RELATIVE),
    bias: mean(SIGNED),
  };
}
