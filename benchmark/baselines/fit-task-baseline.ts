/**
 * The generic reference model of any catalog task (DESIGN §7): a small MLP
 * on the task's contract input, fitted on Sim examples. Binary tasks get one
 * sigmoid per label (labels undefined for a row are left out of the loss);
 * regression tasks predict each target in its own unit, trained on
 * standardised targets and mapped back in the output layer.
 */
import { CentileError } from '../errors.js';
import type { TaskDefinition, TaskExamples } from '../tasks/task-definition.js';
import { outputColumns, taskKey } from '../tasks/task-definition.js';
import { fitBaselineInputs, networkInputWidth, toNetworkInputs } from './baseline-inputs.js';
import type { BaselineInputs } from './baseline-inputs.js';
import type { MlpLayer } from './mlp.js';
import { trainMlp } from './train-mlp.js';
import type { MlpTrainingOptions, MlpTrainingSet } from './train-mlp.js';

/** A fitted task baseline: input handling, layers, and the output activation. */
export interface TaskBaselineWeights {
  /** The task's key, e.g. `growth.forecast/v1`. */
  readonly task: string;
  readonly inputs: BaselineInputs;
  /** Dense layers; ReLU after every one but the last. */
  readonly layers: readonly MlpLayer[];
  /** `sigmoid` for probabilities, `identity` for values in the targets' units. */
  readonly output: 'sigmoid' | 'identity';
}

/** Tuning of `fitTaskBaseline`; every field has a default suited to a few thousand examples. */
export type TaskBaselineOptions = Partial<MlpTrainingOptions>;

/**
 * Defaults: two hidden layers of 32, 12 epochs of batches of 64 at a step
 * size of 0.01 — about a second per task on a few thousand examples.
 */
export const TASK_BASELINE_DEFAULTS: MlpTrainingOptions = Object.freeze({
  hiddenSizes: [32, 32],
  epochs: 12,
  batchSize: 64,
  learningRate: 0.01,
  l2: 1e-4,
  seed: 'centile-baseline',
});

/**
 * Fits the baseline of `task` on `examples` (built by `task.buildExamples`).
 * @throws CentileError `BASELINE_INPUT_INVALID` when the examples do not fit the task's widths
 *   or there are none; `BASELINE_OPTIONS_INVALID` for options training cannot run with.
 */
export function fitTaskBaseline(
  task: TaskDefinition,
  examples: TaskExamples,
  options: TaskBaselineOptions = {},
): TaskBaselineWeights {
  assertExamplesFit(task, examples);
  const settings = { ...TASK_BASELINE_DEFAULTS, ...options };
  const inputs = fitBaselineInputs(examples.features, examples.rows, task.features.length);
  const data: TrainingData = {
    x: toNetworkInputs(inputs, examples.features, examples.rows),
    width: networkInputWidth(inputs),
    rows: examples.rows,
    outputs: outputColumns(task).length,
  };
  const fitted =
    task.kind === 'binary'
      ? fitProbabilities(data, examples.targets, settings)
      : fitValues(data, examples.targets, settings);
  return { task: taskKey(task), inputs, ...fitted };
}

type TrainingData = Omit<MlpTrainingSet, 'targets' | 'loss'>;
type Fitted = Pick<TaskBaselineWeights, 'layers' | 'output'>;

/** One sigmoid per label, each starting at its label's log-odds. */
function fitProbabilities(
  data: TrainingData,
  targets: Float64Array,
  settings: MlpTrainingOptions,
): Fitted {
  const set: MlpTrainingSet = { ...data, targets, loss: 'logistic' };
  return {
    layers: trainMlp(set, settings, labelLogOdds(targets, data.outputs)),
    output: 'sigmoid',
  };
}

/** Linear outputs in the targets' units, trained on standardised targets. */
function fitValues(
  data: TrainingData,
  targets: Float64Array,
  settings: MlpTrainingOptions,
): Fitted {
  const { standardized, mean, sd } = standardizeTargets(targets, data.outputs);
  const set: MlpTrainingSet = { ...data, targets: standardized, loss: 'squared' };
  const layers = trainMlp(set, settings, new Float64Array(data.outputs));
  return { layers: unstandardizeOutput(layers, mean, sd), output: 'identity' };
}

function assertExamplesFit(task: TaskDefinition, examples: TaskExamples): void {
  const { rows, features, targets } = examples;
  if (
    rows < 1 ||
    features.length !== rows * task.features.length ||
    targets.length !== rows * outputColumns(task).length
  ) {
    throw new CentileError(
      'invalid-input',
      'BASELINE_INPUT_INVALID',
      'examples must be non-empty and match the task widths',
    );
  }
}

/** Per label, the smoothed log-odds (pos + ½)/(neg + ½) of its defined rows: where training starts. */
function labelLogOdds(targets: Float64Array, outputs: number): Float64Array {
  const stats = columnStats(targets, outputs);
  return stats.sum.map((positives, o) => {
    const negatives = (stats.count[o] as number) - positives;
    return Math.log((positives + 0.5) / (negatives + 0.5));
  });
}

/** Targets as z-scores per output (NaN kept), so one step size suits kg, cm and z alike. */
function standardizeTargets(targets: Float64Array, outputs: number) {
  const { sum, count, squares } = columnStats(targets, outputs);
  const mean = sum.map((s, o) => ((count[o] as number) > 0 ? s / (count[o] as number) : 0));
  const sd = squares.map((q, o) => {
    const n = count[o] as number;
    const variance = n > 0 ? q / n - (mean[o] as number) ** 2 : 0;
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  const standardized = targets.map(
    (y, i) => (y - (mean[i % outputs] as number)) / (sd[i % outputs] as number),
  );
  return { standardized, mean, sd };
}

/** Sums, squares and counts of the defined (non-NaN) entries of each column. */
function columnStats(targets: Float64Array, outputs: number) {
  const sum = new Float64Array(outputs);
  const squares = new Float64Array(outputs);
  const count = new Float64Array(outputs);
  targets.forEach((y, i) => {
    if (Number.isNaN(y)) return;
    const o = i % outputs;
    sum[o] = (sum[o] as number) + y;
    squares[o] = (squares[o] as number) + y * y;
    count[o] = (count[o] as number) + 1;
  });
  return { sum, squares, count };
}

/** Folds y = z·sd + mean into the output layer, so the graph emits the targets' units. */
function unstandardizeOutput(layers: MlpLayer[], mean: Float64Array, sd: Float64Array): MlpLayer[] {
  const last = layers[layers.length - 1] as MlpLayer;
  const k = last.outputs;
  const weights = last.weights.map((w, i) => w * (sd[i % k] as number));
  const bias = last.bias.map((b, o) => b * (sd[o] as number) + (mean[o] as number));
  return [...layers.slice(0, -1), { ...last, weights, bias }];
}
