/**
 * Exact (no noise, no bins) metrics of a task's predictions on examples: what
 * `centile evaluate` shows a model owner or a hospital on their own data,
 * next to what a noisy release would give. Per output column: every example
 * with a defined target, per level of each subgroup dimension, and the
 * fairness gaps between levels. Invalid predictions (NaN, ±inf, a
 * probability outside [0, 1]) are counted and left out, as a node does.
 */
import type { BinaryMetrics } from '../metrics/binary-metrics.js';
import type { BinaryFairness, RegressionFairness } from '../metrics/fairness-gaps.js';
import { pickRows } from '../metrics/group-rows.js';
import { binaryReport, regressionReport } from '../metrics/metrics-report.js';
import type { RegressionMetrics } from '../metrics/regression-metrics.js';
import { subgroupCellCount, subgroupLevels } from './subgroups.js';
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

/** Exact metrics of `predictions` (rows × outputs) on `examples`, by output column name. */
export function exactTaskMetrics(
  task: TaskDefinition,
  examples: TaskExamples,
  predictions: Float32Array,
): ExactTaskReport {
  const report: Record<string, ExactTaskReport[string]> = {};
  const width = outputColumns(task).length;
  outputColumns(task).forEach(({ name }, output) => {
    const defined: number[] = [];
    let invalid = 0;
    for (let row = 0; row < examples.rows; row += 1) {
      if (Number.isNaN(examples.targets[row * width + output])) continue;
      const prediction = predictions[row * width + output] as number;
      if (isValid(task, prediction)) defined.push(row);
      else invalid += 1;
    }
    report[name] = outputReport(
      task,
      examples,
      predictions,
      output,
      Uint32Array.from(defined),
      invalid,
    );
  });
  return report;
}

function isValid(task: TaskDefinition, prediction: number): boolean {
  return task.kind === 'binary' ? prediction >= 0 && prediction <= 1 : Number.isFinite(prediction);
}

function outputReport(
  task: TaskDefinition,
  examples: TaskExamples,
  predictions: Float32Array,
  output: number,
  rows: Uint32Array,
  invalid: number,
): ExactTaskReport[string] {
  const width = outputColumns(task).length;
  const truth = strided(examples.targets, rows, width, output);
  const predicted = strided(predictions, rows, width, output);
  const labels = task.kind === 'binary' ? Uint8Array.from(truth) : new Uint8Array(0);
  const cells = pickRows(examples.subgroups, rows);
  const report = (grouping?: { groupOf: Uint32Array; names: readonly string[] }) =>
    task.kind === 'binary'
      ? binaryReport(labels, predicted, grouping)
      : regressionReport(truth, predicted, grouping);
  const subgroups: Record<string, Readonly<Record<string, unknown>>> = {};
  const fairness: Record<string, unknown> = {};
  let all: unknown;
  task.subgroups.dimensions.forEach((dimension, d) => {
    const levelOf = levelTable(task, d);
    const groupOf = new Uint32Array(cells.length);
    cells.forEach((cell, i) => (groupOf[i] = levelOf[cell] ?? 0));
    const byLevel = report({ groupOf, names: dimension.levels });
    all = byLevel.all; // the same whichever dimension groups it
    subgroups[dimension.name] = byLevel.groups;
    fairness[dimension.name] = byLevel.fairness;
  });
  return { invalid, all: all ?? report().all, subgroups, fairness } as ExactTaskReport[string];
}

/**
 * Column `column` of a row-major matrix `width` wide, at `rows`. A loop:
 * `Float64Array.from` with a mapping function is several times slower.
 */
function strided(
  values: Float32Array | Float64Array,
  rows: Uint32Array,
  width: number,
  column: number,
): Float64Array {
  const out = new Float64Array(rows.length);
  rows.forEach((row, i) => (out[i] = values[row * width + column] as number));
  return out;
}

/** Partition cell → its level index in dimension `d` (a few dozen cells, computed once). */
function levelTable(task: TaskDefinition, d: number): Uint32Array {
  const dimension = task.subgroups.dimensions[d];
  if (dimension === undefined) return new Uint32Array(0);
  return Uint32Array.from({ length: subgroupCellCount(task.subgroups) }, (_, cell) =>
    dimension.levels.indexOf(subgroupLevels(task.subgroups, cell)[dimension.name] ?? ''),
  );
}
