/**
 * What a benchmark task is (DESIGN §7): the single source of truth for the
 * model contract, how examples are built from a cohort, what a node releases
 * and which metrics come out. Every task has one float32 input [N, features]
 * (NaN = missing) and one float32 output [N, outputs]; one example per child,
 * so one child changes a release by at most one example (the privacy unit).
 */
import type { Cohort } from '../cohort.js';
import type { WhoScores, WhoVisit } from '../growth/score-who.js';
import type { SubgroupPartition } from './subgroups.js';

/** A binary task's outputs are probabilities of labels; a regression task's are predicted values. */
export type TaskKind = 'binary' | 'regression';

/** One named column of a tensor, documented for model owners. */
export interface TensorColumn {
  readonly name: string;
  /** Meaning and unit, e.g. "weight in kg at the visit; NaN when not measured". */
  readonly description: string;
}

/** A regression target: its unit and the public range errors are binned over. */
export interface RegressionTarget extends TensorColumn {
  readonly unit: string;
  /** Errors (prediction − target) are histogrammed on [−maxError, maxError]; beyond is clipped. */
  readonly maxError: number;
  /**
   * When set, |error| / |target| is also histogrammed on [0, maxApe] (for
   * MAPE); left out for targets near zero such as z-scores, where it means
   * nothing.
   */
  readonly maxApe?: number;
}

/** Examples of one cohort: row-major typed arrays, one row per example. */
export interface TaskExamples {
  readonly rows: number;
  /** rows × features, NaN for missing. */
  readonly features: Float32Array;
  /** rows × outputs: binary 1/0, regression the true value; NaN where undefined for that row. */
  readonly targets: Float64Array;
  /** Per row, its cell of the task's subgroup partition. */
  readonly subgroups: Uint8Array;
}

/** The WHO scorer tasks use to define labels and targets. */
export type WhoScorer = (visit: WhoVisit) => WhoScores;

interface TaskBase {
  /** e.g. `growth.status`. */
  readonly id: string;
  readonly version: number;
  readonly title: string;
  /** What the model does, one or two sentences. */
  readonly summary: string;
  /** How examples are built from a cohort, precisely (for model owners). */
  readonly examples: string;
  /** Where the definition comes from (clinical conventions followed). */
  readonly references: readonly string[];
  readonly inputName: string;
  readonly features: readonly TensorColumn[];
  readonly outputName: string;
  readonly subgroups: SubgroupPartition;
  readonly metrics: readonly string[];
  buildExamples(cohort: Cohort, score: WhoScorer): TaskExamples;
}

/** A task whose outputs are probabilities of `labels` (one column each). */
export interface BinaryTask extends TaskBase {
  readonly kind: 'binary';
  readonly labels: readonly TensorColumn[];
  /** Equal-width public score bins on [0, 1]. */
  readonly scoreBins: number;
}

/** A task whose outputs predict `targets` (one column each). */
export interface RegressionTask extends TaskBase {
  readonly kind: 'regression';
  readonly targets: readonly RegressionTarget[];
  /** Public error bins per target over [−maxError, maxError]. */
  readonly errorBins: number;
}

export type TaskDefinition = BinaryTask | RegressionTask;

/** `growth.status/v1`: how tasks are named on the wire. */
export function taskKey(task: Pick<TaskDefinition, 'id' | 'version'>): string {
  return `${task.id}/v${String(task.version)}`;
}

/** The output columns of a task, whatever its kind. */
export function outputColumns(task: TaskDefinition): readonly TensorColumn[] {
  return task.kind === 'binary' ? task.labels : task.targets;
}
