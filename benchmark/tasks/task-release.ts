/**
 * What a node releases for a task: one vector of integer counts over public
 * bins, noised as a whole (notes/privacy.md §6–§7).
 *
 * Layout: `[examples]`, then per released group (all examples, then each
 * level of each subgroup dimension: see subgroups.ts), per output column:
 * - binary: negatives then positives, each `scoreBins` score bins + 1 invalid
 *   cell (NaN, ±inf, outside [0, 1]);
 * - regression: `errorBins` bins of prediction − target over
 *   [−maxError, maxError] (beyond is clipped into the end bins) + 1 invalid
 *   cell, then, when the target has `maxApe`, `APE_BINS` bins of
 *   |error| / |target| over [0, maxApe] (clipped likewise).
 *
 * One example per child adds 1 to `examples` and at most one cell to each
 * histogram of the groups it belongs to (all, and one level per dimension),
 * so L1 = L2² = 1 + (1 + dimensions) × histograms per group.
 */
import type {
  BinaryTask,
  RegressionTarget,
  RegressionTask,
  TaskDefinition,
  TaskExamples,
} from './task-definition.js';
import { cellGroupsOf, subgroupGroups } from './subgroups.js';

/** Bins of the absolute-percentage-error histogram of a target with `maxApe`. */
export const APE_BINS = 20;

/** Where one histogram of the vector starts and how many cells it has (bins + invalid or bins). */
export interface HistogramSlot {
  readonly start: number;
  readonly length: number;
}

/** The cells of `slot` in a release vector. */
export function sliceOf(cells: readonly number[], slot: HistogramSlot): number[] {
  return cells.slice(slot.start, slot.start + slot.length);
}

/** Length of the task's release vector. */
export function releaseCellCount(task: TaskDefinition): number {
  return 1 + subgroupGroups(task.subgroups).length * cellsPerGroup(task);
}

/** L2² (= L1) sensitivity of the release for one child. */
export function releaseSensitivitySquared(task: TaskDefinition): bigint {
  const groupsPerExample = 1 + task.subgroups.dimensions.length;
  const histograms =
    task.kind === 'binary'
      ? task.labels.length
      : task.targets.reduce((n, t) => n + (t.maxApe === undefined ? 1 : 2), 0);
  return BigInt(1 + groupsPerExample * histograms);
}

/** The slot of a binary label's class histogram in released group `group`. */
export function classSlot(
  task: BinaryTask,
  group: number,
  label: number,
  positive: boolean,
): HistogramSlot {
  const length = task.scoreBins + 1;
  const start = 1 + group * cellsPerGroup(task) + (label * 2 + (positive ? 1 : 0)) * length;
  return { start, length };
}

/** The slots of a regression target's error and APE histograms in released group `group`. */
export function targetSlots(
  task: RegressionTask,
  group: number,
  target: number,
): { error: HistogramSlot; ape: HistogramSlot | undefined } {
  let start = 1 + group * cellsPerGroup(task);
  task.targets.slice(0, target).forEach((t) => (start += targetCells(task, t)));
  const spec = task.targets[target];
  const error = { start, length: task.errorBins + 1 };
  const ape =
    spec?.maxApe === undefined ? undefined : { start: start + error.length, length: APE_BINS };
  return { error, ape };
}

/** Exact counts of `examples` scored as `predictions` (rows × outputs). */
export function countReleaseCells(
  task: TaskDefinition,
  examples: TaskExamples,
  predictions: Float32Array,
): bigint[] {
  const counts = new Float64Array(releaseCellCount(task));
  counts[0] = examples.rows;
  const add = (index: number): void => {
    counts[index] = (counts[index] as number) + 1;
  };
  if (task.kind === 'binary') countBinary(task, examples, predictions, add);
  else countRegression(task, examples, predictions, add);
  return Array.from(counts, (n) => BigInt(n));
}

/** The score bin of a probability; `bins` for an invalid one. */
export function scoreBinOf(score: number, bins: number): number {
  if (!(score >= 0 && score <= 1)) return bins;
  return Math.min(Math.floor(score * bins), bins - 1);
}

/** The error bin of `error` over [−maxError, maxError] (clipped); `bins` for NaN/±inf. */
export function errorBinOf(error: number, maxError: number, bins: number): number {
  if (!Number.isFinite(error)) return bins;
  const position = Math.floor(((error + maxError) / (2 * maxError)) * bins);
  return Math.min(Math.max(position, 0), bins - 1);
}

/** The APE bin over [0, maxApe] (clipped); the target must be non-zero. */
export function apeBinOf(error: number, target: number, maxApe: number): number {
  const ape = Math.abs(error) / Math.abs(target);
  return Math.min(Math.floor((ape / maxApe) * APE_BINS), APE_BINS - 1);
}

function cellsPerGroup(task: TaskDefinition): number {
  if (task.kind === 'binary') return task.labels.length * 2 * (task.scoreBins + 1);
  return task.targets.reduce((n, t) => n + targetCells(task, t), 0);
}

function targetCells(task: RegressionTask, target: RegressionTarget): number {
  return task.errorBins + 1 + (target.maxApe === undefined ? 0 : APE_BINS);
}

function countBinary(
  task: BinaryTask,
  examples: TaskExamples,
  predictions: Float32Array,
  add: (index: number) => void,
): void {
  const width = task.labels.length;
  const firstCells = groupFirstCells(task, (group) => classSlot(task, group, 0, false).start);
  const histogram = task.scoreBins + 1;
  for (let row = 0; row < examples.rows; row += 1) {
    const firsts = firstCells[examples.subgroups[row] as number] ?? [];
    for (let label = 0; label < width; label += 1) {
      const y = examples.targets[row * width + label] as number;
      if (y !== 0 && y !== 1) continue;
      const bin = scoreBinOf(predictions[row * width + label] as number, task.scoreBins);
      // classSlot's layout: the label's negative then positive histogram.
      const offset = (label * 2 + y) * histogram + bin;
      for (const first of firsts) add(first + offset);
    }
  }
}

function countRegression(
  task: RegressionTask,
  examples: TaskExamples,
  predictions: Float32Array,
  add: (index: number) => void,
): void {
  const width = task.targets.length;
  const firstCells = groupFirstCells(task, (group) => targetSlots(task, group, 0).error.start);
  // Each target's histograms relative to its group's first cell, as targetSlots lays them out.
  const slots = task.targets.map((_, target) => targetSlots(task, 0, target));
  const base = slots[0]?.error.start ?? 0;
  for (let row = 0; row < examples.rows; row += 1) {
    const firsts = firstCells[examples.subgroups[row] as number] ?? [];
    for (let target = 0; target < width; target += 1) {
      const spec = task.targets[target] as RegressionTarget;
      const truth = examples.targets[row * width + target] as number;
      if (Number.isNaN(truth)) continue;
      const error = (predictions[row * width + target] as number) - truth;
      const bin = errorBinOf(error, spec.maxError, task.errorBins);
      const { error: errorSlot, ape: apeSlot } = slots[target] as (typeof slots)[number];
      const ape =
        apeSlot !== undefined && bin < task.errorBins && truth !== 0
          ? apeSlot.start - base + apeBinOf(error, truth, spec.maxApe as number)
          : -1;
      for (const first of firsts) {
        add(first + errorSlot.start - base + bin);
        if (ape >= 0) add(first + ape);
      }
    }
  }
}

/**
 * Partition cell → the first release cell of each released group its
 * examples count in, computed once so the per-example loop only adds.
 */
function groupFirstCells(task: TaskDefinition, firstCell: (group: number) => number): number[][] {
  return cellGroupsOf(task.subgroups).map((groups) => groups.map(firstCell));
}
