/**
 * The curves behind a round's pooled metrics, for the dashboard's charts:
 * per label of a binary task the ROC curve (one point per public score-bin
 * edge) and the calibration bins (the ECE's), per target of a regression task the error
 * histogram. They come from the cell-wise sum of the sites' noisy releases,
 * read as the metrics read them (benchmark/metrics/noisy-counts.ts):
 * post-processing, so they cost no privacy and show nothing the releases did
 * not already show.
 */
import { binnedAuroc } from '../../benchmark/metrics/binned-ranking.js';
import { ECE_BINS } from '../../benchmark/metrics/expected-calibration-error.js';
import {
  classesEstimable,
  clip,
  nonNegative,
  sumOf,
} from '../../benchmark/metrics/noisy-counts.js';
import { poolReleases, toSiteRelease } from '../../benchmark/stats/task-estimates.js';
import { decodeReleaseBody } from '../../benchmark/protocol/release-body.js';
import { requireTask } from '../../benchmark/tasks/task-catalog.js';
import type {
  BinaryTask,
  RegressionTask,
  TaskDefinition,
} from '../../benchmark/tasks/task-definition.js';
import { outputColumns } from '../../benchmark/tasks/task-definition.js';
import {
  classSlot,
  releaseCellCount,
  sliceOf,
  targetSlots,
} from '../../benchmark/tasks/task-release.js';
import type { CoordinatorStore } from './ports.js';
import type { RoundRecord } from './records.js';

/** One operating point: predicted positive when the score's bin is at or above `threshold`·bins. */
export interface RocPoint {
  /** The bin edge k/bins the point thresholds at (1 = nothing positive, 0 = everything). */
  readonly threshold: number;
  readonly fpr: number;
  readonly tpr: number;
}

/** An ROC curve from (0, 0) to (1, 1), thresholds descending. */
export interface RocCurve {
  readonly positives: number;
  readonly negatives: number;
  readonly points: readonly RocPoint[];
  /** The binned AUROC with ties in a bin counted half: the area under the unclipped rates. */
  readonly auc: number;
}

/**
 * One calibration bin: a range of scores, how often they were positive and
 * the mean predicted probability in it (each score taken at its score bin's
 * centre, as the ECE estimate does).
 */
export interface CalibrationBin {
  readonly lower: number;
  readonly upper: number;
  /** Count-weighted mean of the score-bin centres inside; the range's centre when empty. */
  readonly predicted: number;
  /** Positives / examples in the bin; null for an empty bin. */
  readonly observed: number | null;
  readonly count: number;
}

export interface BinaryCurves {
  readonly kind: 'binary';
  /** Null when a class is empty (no curve exists). */
  readonly roc: RocCurve | null;
  readonly calibration: readonly CalibrationBin[];
  /** Examples whose output was invalid (NaN, ±inf, outside [0, 1]). */
  readonly invalid: number;
}

/** One bin of prediction − target, in the target's unit. */
export interface ErrorBin {
  readonly lower: number;
  readonly upper: number;
  readonly count: number;
}

export interface RegressionCurves {
  readonly kind: 'regression';
  readonly unit: string;
  /** Errors beyond ±maxError were clipped into the end bins. */
  readonly maxError: number;
  readonly bins: readonly ErrorBin[];
  /** Examples whose prediction was NaN or ±inf. */
  readonly invalid: number;
}

export type OutputCurves = BinaryCurves | RegressionCurves;

export interface RoundCurves {
  readonly roundId: string;
  readonly benchmarkTask: string;
  readonly kind: TaskDefinition['kind'];
  /** Sites whose releases are pooled. */
  readonly sites: number;
  /** Output column → its curves; null when no release, or every site suppressed the output. */
  readonly outputs: Readonly<Record<string, OutputCurves | null>>;
}

/** The pooled curves of a round: post-processing of its stored releases. */
export function roundCurves(
  store: Pick<CoordinatorStore, 'releasesOfRound'>,
  round: RoundRecord,
): RoundCurves {
  const task = requireTask(round.benchmarkTask);
  const releases = store.releasesOfRound(round.id).map((r) => decodeReleaseBody(r.body));
  const pool = releases.length === 0 ? null : poolReleases(task, releases.map(toSiteRelease));
  const outputs: Record<string, OutputCurves | null> = {};
  outputColumns(task).forEach(({ name }, output) => {
    // Group 0 (all examples) holds blocks 0..outputs−1; see release-blocks.ts.
    outputs[name] =
      pool === null || pool.suppressed.includes(output)
        ? null
        : curvesOf(task, pool.cells, output, pool.blockNoiseVariances[output]);
  });
  return {
    roundId: round.id,
    benchmarkTask: round.benchmarkTask,
    kind: task.kind,
    sites: releases.length,
    outputs,
  };
}

/**
 * Curves of output column `output` over all examples of a release vector of
 * `task` whose cells carry noise of variance `noiseVariance` each.
 */
function curvesOf(
  task: TaskDefinition,
  cells: readonly number[],
  output: number,
  noiseVariance = 0,
): OutputCurves {
  if (cells.length !== releaseCellCount(task)) throw new RangeError('wrong number of cells');
  return task.kind === 'binary'
    ? binaryCurves(task, cells, output, noiseVariance)
    : regressionCurves(task, cells, output);
}

/**
 * The ROC curve of two class histograms over equal-width score bins (invalid
 * cells excluded): one point per bin edge k/bins, k = bins … 0, predicting
 * positive the bins at or above k. Null when a class's noisy total is not
 * above 0 or is mostly noise, as for the AUROC (noisy-counts.ts). The
 * rates come from running sums of the cells as released, whose trapezoidal
 * area is the reported AUROC (`auc`); noise can carry a running rate below
 * an earlier one or outside [0, 1], so the plotted points are clipped and
 * held level there (a drawing, not a metric).
 */
export function rocCurve(
  negative: readonly number[],
  positive: readonly number[],
  noiseVariance = 0,
): RocCurve | null {
  const auroc = binnedAuroc(negative, positive);
  if (auroc === null || !classesEstimable(negative, positive, noiseVariance)) return null;
  const negatives = sumOf(negative);
  const positives = sumOf(positive);
  const bins = negative.length;
  const rates: RocPoint[] = [{ threshold: 1, fpr: 0, tpr: 0 }];
  let falsePositives = 0;
  let truePositives = 0;
  for (let bin = bins - 1; bin >= 0; bin -= 1) {
    falsePositives += negative[bin] as number;
    truePositives += positive[bin] as number;
    rates.push({
      threshold: bin / bins,
      fpr: falsePositives / negatives,
      tpr: truePositives / positives,
    });
  }
  return { positives, negatives, points: drawable(rates), auc: auroc.value };
}

/** Each rate clipped to [0, 1] and never below the one before it. */
function drawable(rates: readonly RocPoint[]): RocPoint[] {
  let [fpr, tpr] = [0, 0];
  return rates.map((point) => {
    fpr = Math.max(fpr, clip(point.fpr, 0, 1));
    tpr = Math.max(tpr, clip(point.tpr, 0, 1));
    return { threshold: point.threshold, fpr, tpr };
  });
}

/**
 * Calibration over the ECE's {@link ECE_BINS} equal-width bins when the score
 * bins divide into them (so Σ count·|observed − predicted| / Σ count is the
 * reported ECE), over the score bins otherwise. Wider bins also keep the
 * noise of small score bins from dominating the plot. Cells are clamped at
 * 0 first, as for the ECE.
 */
export function calibrationBins(
  negative: readonly number[],
  positive: readonly number[],
): CalibrationBin[] {
  const bins = negative.length;
  const span = bins % ECE_BINS === 0 ? bins / ECE_BINS : 1;
  return Array.from({ length: bins / span }, (_, group) => {
    let [count, positives, centres] = [0, 0, 0];
    for (let bin = group * span; bin < (group + 1) * span; bin += 1) {
      const p = nonNegative(positive[bin] ?? 0);
      const n = nonNegative(negative[bin] ?? 0) + p;
      count += n;
      positives += p;
      centres += n * ((bin + 0.5) / bins);
    }
    const [lower, upper] = [(group * span) / bins, ((group + 1) * span) / bins];
    return {
      lower,
      upper,
      predicted: count > 0 ? centres / count : (lower + upper) / 2,
      observed: count > 0 ? positives / count : null,
      count,
    };
  });
}

/** The bins of an error histogram over [−maxError, maxError] (invalid cell excluded). */
export function errorBins(counts: readonly number[], maxError: number): ErrorBin[] {
  const width = (2 * maxError) / counts.length;
  return counts.map((count, bin) => ({
    lower: -maxError + bin * width,
    upper: -maxError + (bin + 1) * width,
    count: nonNegative(count),
  }));
}

function binaryCurves(
  task: BinaryTask,
  cells: readonly number[],
  label: number,
  noiseVariance: number,
): BinaryCurves {
  const histogram = (positive: boolean): number[] =>
    sliceOf(cells, classSlot(task, 0, label, positive));
  const [negative, positive] = [histogram(false), histogram(true)];
  const bins = task.scoreBins;
  return {
    kind: 'binary',
    roc: rocCurve(negative.slice(0, bins), positive.slice(0, bins), noiseVariance),
    calibration: calibrationBins(negative.slice(0, bins), positive.slice(0, bins)),
    invalid: nonNegative((negative[bins] ?? 0) + (positive[bins] ?? 0)),
  };
}

function regressionCurves(
  task: RegressionTask,
  cells: readonly number[],
  target: number,
): RegressionCurves {
  const spec = task.targets[target];
  if (spec === undefined) throw new RangeError('no such target');
  const counts = sliceOf(cells, targetSlots(task, 0, target).error);
  const bins = task.errorBins;
  return {
    kind: 'regression',
    unit: spec.unit,
    maxError: spec.maxError,
    bins: errorBins(counts.slice(0, bins), spec.maxError),
    invalid: nonNegative(counts[bins] ?? 0),
  };
}
