/**
 * A task's release vector (one site's, or several summed) → metrics over
 * all examples, per level of each subgroup dimension, and the fairness gaps
 * between those levels. All post-processing of noisy counts: it costs no
 * privacy.
 */
import { binnedBinaryMetrics } from '../metrics/binned-binary.js';
import type { BinnedBinaryMetrics } from '../metrics/binned-binary.js';
import { binnedRegressionMetrics } from '../metrics/binned-regression.js';
import type { BinnedRegressionMetrics } from '../metrics/binned-regression.js';
import { extreme, larger, smaller, spread } from '../metrics/fairness-gaps.js';
import { blockName } from './release-blocks.js';
import { subgroupGroups } from './subgroups.js';
import type { BinaryTask, RegressionTask, TaskDefinition } from './task-definition.js';
import { outputColumns } from './task-definition.js';
import { classSlot, releaseCellCount, sliceOf, targetSlots } from './task-release.js';

export type OutputMetrics = BinnedBinaryMetrics | BinnedRegressionMetrics;

/** Gaps between the levels of one dimension, per output; snake_case as in reports. */
export type LevelGaps = Readonly<Record<string, number | null>>;

/** Metrics of a release. */
export interface TaskMetrics {
  /** Examples (noisy, clamped at 0). */
  readonly examples: number;
  /** Output column → metrics over every example. */
  readonly outputs: Readonly<Record<string, OutputMetrics>>;
  /** Dimension → level → output column → metrics. */
  readonly subgroups: Readonly<Record<string, Record<string, Record<string, OutputMetrics>>>>;
  /** Dimension → output column → gaps between its levels. */
  readonly fairness: Readonly<Record<string, Record<string, LevelGaps>>>;
  /** Blocks the site suppressed as too small ("sex=female/stunting"), left out above. */
  readonly suppressed: readonly string[];
}

/** Score ≥ 0.5 is a positive prediction (bin 10 of 20). */
const THRESHOLD = 0.5;

/**
 * Metrics of `cells`, a release vector of `task`, leaving out the blocks
 * listed in `suppressed` (see release-blocks). `blockNoiseVariances` gives,
 * per block, the noise variance of each of its cells (a site's σ², summed
 * over sites for a pool; missing = 0, exact counts): metrics whose
 * denominators are mostly noise are then `null` (noisy-counts.ts).
 */
export function taskMetrics(
  task: TaskDefinition,
  cells: readonly number[],
  suppressed: readonly number[] = [],
  blockNoiseVariances: readonly number[] = [],
): TaskMetrics {
  if (cells.length !== releaseCellCount(task)) throw new RangeError('wrong number of cells');
  const hidden = new Set(suppressed);
  const subgroups: Record<string, Record<string, Record<string, OutputMetrics>>> = {};
  subgroupGroups(task.subgroups).forEach(({ dimension, level }, group) => {
    if (dimension === undefined || level === undefined) return;
    const metrics = outputMetrics(task, cells, group, hidden, blockNoiseVariances);
    if (Object.keys(metrics).length > 0) (subgroups[dimension] ??= {})[level] = metrics;
  });
  const fairness: Record<string, Record<string, LevelGaps>> = {};
  for (const [dimension, byLevel] of Object.entries(subgroups)) {
    fairness[dimension] = gapsBetween(task, Object.values(byLevel));
  }
  return {
    examples: Math.max(0, cells[0] ?? 0),
    outputs: outputMetrics(task, cells, 0, hidden, blockNoiseVariances),
    subgroups,
    fairness,
    suppressed: [...hidden].sort((a, b) => a - b).map((block) => blockName(task, block)),
  };
}

/** Metrics of every output column in released group `group` that is not hidden. */
function outputMetrics(
  task: TaskDefinition,
  cells: readonly number[],
  group: number,
  hidden: ReadonlySet<number>,
  blockNoiseVariances: readonly number[],
): Record<string, OutputMetrics> {
  const result: Record<string, OutputMetrics> = {};
  const outputs = outputColumns(task);
  outputs.forEach((column, output) => {
    const block = group * outputs.length + output;
    if (hidden.has(block)) return;
    const noiseVariance = blockNoiseVariances[block] ?? 0;
    result[column.name] =
      task.kind === 'binary'
        ? binaryMetricsOf(task, cells, { group, label: output, noiseVariance })
        : regressionMetricsOf(task, cells, { group, target: output, noiseVariance });
  });
  return result;
}

function binaryMetricsOf(
  task: BinaryTask,
  cells: readonly number[],
  { group, label, noiseVariance }: { group: number; label: number; noiseVariance: number },
): BinnedBinaryMetrics {
  const histogram = (positive: boolean): number[] =>
    sliceOf(cells, classSlot(task, group, label, positive));
  return binnedBinaryMetrics(
    histogram(false),
    histogram(true),
    THRESHOLD * task.scoreBins,
    noiseVariance,
  );
}

function regressionMetricsOf(
  task: RegressionTask,
  cells: readonly number[],
  { group, target, noiseVariance }: { group: number; target: number; noiseVariance: number },
): BinnedRegressionMetrics {
  const spec = task.targets[target];
  if (spec === undefined) throw new RangeError('no such target');
  const slots = targetSlots(task, group, target);
  const ape =
    spec.maxApe === undefined || slots.ape === undefined
      ? {}
      : { ape: { counts: sliceOf(cells, slots.ape), maxApe: spec.maxApe } };
  return binnedRegressionMetrics({
    errors: sliceOf(cells, slots.error),
    maxError: spec.maxError,
    noiseVariance,
    ...ape,
  });
}

function gapsBetween(
  task: TaskDefinition,
  levels: readonly Record<string, OutputMetrics>[],
): Record<string, LevelGaps> {
  const gaps: Record<string, LevelGaps> = {};
  for (const { name } of outputColumns(task)) {
    const metrics = levels.flatMap((level) => (level[name] === undefined ? [] : [level[name]]));
    gaps[name] =
      task.kind === 'binary'
        ? binaryGaps(metrics as BinnedBinaryMetrics[])
        : regressionGaps(metrics as BinnedRegressionMetrics[]);
  }
  return gaps;
}

function binaryGaps(levels: readonly BinnedBinaryMetrics[]): LevelGaps {
  const aurocs = levels.map((m) => m.auroc);
  const recalls = levels.map((m) => m.sensitivity);
  return {
    demographic_parity_difference: spread(levels.map(positivePredictionRate)),
    equal_opportunity_difference: spread(recalls),
    auroc_gap: spread(aurocs),
    worst_group_auroc: extreme(aurocs, smaller),
    worst_group_recall: extreme(recalls, smaller),
  };
}

function regressionGaps(levels: readonly BinnedRegressionMetrics[]): LevelGaps {
  const maes = levels.map((m) => m.mae);
  return {
    worst_group_mae: extreme(maes, larger),
    mae_gap: spread(maes),
    bias_gap: spread(levels.map((m) => m.bias)),
  };
}

/** Share of valid predictions at or above the threshold: (TP + FP) / n; `null` for an empty level. */
function positivePredictionRate(m: BinnedBinaryMetrics): number | null {
  const n = m.positives + m.negatives;
  return n === 0 ? null : Math.min(1, m.predictedPositives / n);
}
