/**
 * Exact (no noise, no bins) metrics of a task's predictions on examples: what
 * `centile evaluate` shows a model owner or a hospital on their own data,
 * next to what a noisy release would give. Per output column: every example
 * with a defined target, per level of each subgroup dimension, and the
 * fairness gaps between levels. Invalid predictions (NaN, ±inf, a
 * probability outside [0, 1]) are counted and left out, as a node does.
 *
 * Every group of a column is evaluated in one go (grouped-binary.ts,
 * grouped-regression.ts): examples lie in a subgroup cell, and each cell in
 * the released groups "all" and one level per dimension. A million examples
 * take a few linear passes and one radix sort per column.
 */
import { DEFAULT_THRESHOLD } from '../metrics/binary-metrics.js';
import type { BinaryMetrics } from '../metrics/binary-metrics.js';
import type {
  BinaryFairness,
  BinaryGroupOutcome,
  RegressionFairness,
} from '../metrics/fairness-gaps.js';
import type { GroupMembership } from '../metrics/group-membership.js';
import { groupedBinaryOutcomes } from '../metrics/grouped-binary.js';
import { groupedRegression } from '../metrics/grouped-regression.js';
import { binaryGroupsReport, regressionGroupsReport } from '../metrics/metrics-report.js';
import type { GroupsReport } from '../metrics/metrics-report.js';
import type { RegressionMetrics } from '../metrics/regression-metrics.js';
import { cellGroupsOf, subgroupGroups } from './subgroups.js';
import type { SubgroupPartition } from './subgroups.js';
import type { TaskDefinition, TaskExamples } from './task-definition.js';
import { outputColumns } from './task-definition.js';

/** Exact metrics of one output column. */
export interface ExactOutputReport<M, F> {
  /** Examples with a defined target whose prediction was invalid (left out). */
  readonly invalid: number;
  readonly all: M;
  /** Dimension → level → metrics (levels without examples left out). */
  readonly subgroups: Readonly<Record<string, Readonly<Record<string, M>>>>;
  /** Dimension → gaps between its levels. */
  readonly fairness: Readonly<Record<string, F>>;
}

export type ExactTaskReport = Readonly<
  Record<
    string,
    | ExactOutputReport<BinaryMetrics, BinaryFairness>
    | ExactOutputReport<RegressionMetrics, RegressionFairness>
  >
>;

/**
 * One output column's examples with a defined target and a valid prediction,
 * in row order: binary targets as labels (converted as `Uint8Array.from`
 * converts; the metrics then refuse any label but 0 and 1).
 */
interface OutputColumn {
  readonly truth: Float64Array | Uint8Array;
  readonly predicted: Float32Array;
  readonly cells: Uint8Array;
  readonly invalid: number;
}

/** Exact metrics of `predictions` (rows × outputs) on `examples`, by output column name. */
export function exactTaskMetrics(
  task: TaskDefinition,
  examples: TaskExamples,
  predictions: Float32Array,
): ExactTaskReport {
  const report: Record<string, ExactTaskReport[string]> = {};
  const cellGroups = cellGroupTable(task.subgroups);
  // One set of buffers for every column: fresh megabytes cost page faults.
  const buffers = {
    truth: task.kind === 'binary' ? new Uint8Array(examples.rows) : new Float64Array(examples.rows),
    predicted: new Float32Array(examples.rows),
    cells: new Uint8Array(examples.rows),
  };
  outputColumns(task).forEach(({ name }, output) => {
    const column = gatherColumn(task, examples, predictions, output, buffers);
    const membership: GroupMembership = { ...cellGroups, cellOf: column.cells };
    report[name] =
      task.kind === 'binary'
        ? binaryOutputReport(task, column, membership)
        : regressionOutputReport(task, column, membership);
  });
  return report;
}

/**
 * Column `output`'s examples with a defined target and a valid prediction,
 * written to the start of `buffers` (at least `examples.rows` long). One
 * tight pass per column: it measured as fast as one pass juggling every
 * column's arrays.
 */
function gatherColumn(
  task: TaskDefinition,
  examples: TaskExamples,
  predictions: Float32Array,
  output: number,
  buffers: Omit<OutputColumn, 'invalid'>,
): OutputColumn {
  const width = outputColumns(task).length;
  const binary = task.kind === 'binary';
  const { rows, targets, subgroups } = examples;
  const { truth, predicted, cells } = buffers;
  let kept = 0;
  let invalid = 0;
  for (let row = 0, at = output; row < rows; row++, at += width) {
    const target = targets[at] as number;
    if (Number.isNaN(target)) continue;
    const prediction = predictions[at] as number;
    if (binary ? prediction >= 0 && prediction <= 1 : Number.isFinite(prediction)) {
      truth[kept] = target;
      predicted[kept] = prediction;
      cells[kept] = subgroups[row] as number;
      kept++;
    } else {
      invalid++;
    }
  }
  return {
    truth: truth.subarray(0, kept),
    predicted: predicted.subarray(0, kept),
    cells: cells.subarray(0, kept),
    invalid,
  };
}

function binaryOutputReport(
  task: TaskDefinition,
  column: OutputColumn,
  membership: GroupMembership,
): ExactOutputReport<BinaryMetrics, BinaryFairness> {
  const labels = column.truth as Uint8Array;
  const outcomes = groupedBinaryOutcomes(labels, column.predicted, membership, DEFAULT_THRESHOLD);
  const all = (outcomes[0] as BinaryGroupOutcome).metrics;
  return { invalid: column.invalid, all, ...perDimension(task, outcomes, binaryGroupsReport) };
}

function regressionOutputReport(
  task: TaskDefinition,
  column: OutputColumn,
  membership: GroupMembership,
): ExactOutputReport<RegressionMetrics, RegressionFairness> {
  const metrics = groupedRegression(column.truth as Float64Array, column.predicted, membership);
  const all = metrics[0] as RegressionMetrics;
  return { invalid: column.invalid, all, ...perDimension(task, metrics, regressionGroupsReport) };
}

/**
 * Each dimension's levels and gaps, from the results of every released
 * group (group 0 is all examples, then each dimension's levels in turn).
 */
function perDimension<R, M, F>(
  task: TaskDefinition,
  results: readonly R[],
  report: (names: readonly string[], results: readonly R[]) => GroupsReport<M, F>,
): Pick<ExactOutputReport<M, F>, 'subgroups' | 'fairness'> {
  const subgroups: Record<string, Readonly<Record<string, M>>> = {};
  const fairness: Record<string, F> = {};
  let first = 1;
  for (const { name, levels } of task.subgroups.dimensions) {
    const byLevel = report(levels, results.slice(first, first + levels.length));
    subgroups[name] = byLevel.groups;
    fairness[name] = byLevel.fairness;
    first += levels.length;
  }
  return { subgroups, fairness };
}

/**
 * The released groups of each cell of `partition` (a few dozen cells,
 * computed once per call), in the order of `subgroupGroups`.
 */
function cellGroupTable(partition: SubgroupPartition): Omit<GroupMembership, 'cellOf'> {
  const cells = cellGroupsOf(partition);
  return {
    groupCount: subgroupGroups(partition).length,
    cellGroups: Uint32Array.from(cells.flat()),
    groupsPerCell: 1 + partition.dimensions.length,
  };
}
