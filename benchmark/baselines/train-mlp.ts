/**
 * Trains an `Mlp` by mini-batch Adam. Deterministic: the initial weights
 * and every epoch's shuffle come from a seeded PRNG and the arithmetic runs
 * in a fixed order, so one seed gives the same weights bit for bit.
 *
 * Targets may be undefined (NaN) per row and output: such an entry adds
 * nothing to the loss, so a multi-label task learns each label from the
 * rows that define it.
 */
import { CentileError } from '../errors.js';
import { createPrng } from '../sim/prng.js';
import type { Prng } from '../sim/prng.js';
import { forwardMlp, initMlp } from './mlp.js';
import type { MlpLayer } from './mlp.js';

/** Log-loss on sigmoid outputs (labels 0/1) or squared error on linear outputs. */
export type MlpLoss = 'logistic' | 'squared';

/** What to fit: row-major `x` (rows × width) and `targets` (rows × outputs, NaN undefined). */
export interface MlpTrainingSet {
  readonly x: Float64Array;
  readonly width: number;
  readonly rows: number;
  readonly targets: Float64Array;
  readonly outputs: number;
  readonly loss: MlpLoss;
}

/** How to fit; every field is required here (defaults live with the callers). */
export interface MlpTrainingOptions {
  readonly hiddenSizes: readonly number[];
  /** Passes over the data; 0 returns the seeded initial weights. */
  readonly epochs: number;
  readonly batchSize: number;
  /** Adam's step size at the start; it decays to 0 along a half cosine. */
  readonly learningRate: number;
  /** Penalty (l2 / 2)·‖w‖² on the weights, not the biases. */
  readonly l2: number;
  readonly seed: string;
}

const BETA1 = 0.9;
const BETA2 = 0.999;
const EPSILON = 1e-8;

/** One parameter array with its gradient and Adam moments. */
interface Slot {
  readonly values: Float64Array;
  readonly gradient: Float64Array;
  readonly m: Float64Array;
  readonly v: Float64Array;
  readonly decay: boolean;
}

/**
 * Fitted layers; the output layer starts at `outputBias` (e.g. each label's log-odds).
 * @throws CentileError `BASELINE_OPTIONS_INVALID` for options training cannot run with.
 */
export function trainMlp(
  set: MlpTrainingSet,
  options: MlpTrainingOptions,
  outputBias: Float64Array,
): MlpLayer[] {
  assertTrainingOptions(options);
  const prng = createPrng(options.seed);
  const sizes = [set.width, ...options.hiddenSizes, set.outputs];
  const layers = initMlp(sizes, prng, outputBias);
  const slots = layers.flatMap((layer) => [slotOf(layer.weights, true), slotOf(layer.bias, false)]);
  const order = Int32Array.from({ length: set.rows }, (_, row) => row);
  const batches = Math.ceil(set.rows / options.batchSize);
  const totalSteps = options.epochs * batches;
  let step = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffle(order, prng);
    for (let b = 0; b < batches; b += 1) {
      const rows = order.subarray(b * options.batchSize, (b + 1) * options.batchSize);
      computeGradients(layers, slots, set, rows);
      step += 1;
      const rate = options.learningRate * 0.5 * (1 + Math.cos((Math.PI * (step - 1)) / totalSteps));
      adamStep(slots, rate, step, options.l2);
    }
  }
  return layers;
}

function assertTrainingOptions(options: MlpTrainingOptions): void {
  const count = (n: number, min: number) => Number.isSafeInteger(n) && n >= min;
  const valid =
    options.hiddenSizes.every((size) => count(size, 1)) &&
    count(options.epochs, 0) &&
    count(options.batchSize, 1) &&
    options.learningRate > 0 &&
    options.l2 >= 0;
  if (!valid) {
    throw new CentileError(
      'invalid-input',
      'BASELINE_OPTIONS_INVALID',
      'hidden sizes and batch size must be positive integers, epochs a non-negative integer, ' +
        'the learning rate positive and l2 non-negative',
    );
  }
}

function slotOf(values: Float64Array, decay: boolean): Slot {
  const n = values.length;
  return {
    values,
    gradient: new Float64Array(n),
    m: new Float64Array(n),
    v: new Float64Array(n),
    decay,
  };
}

/** Fisher–Yates with the training PRNG. */
function shuffle(order: Int32Array, prng: Prng): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = prng.int(i + 1);
    const swap = order[i] as number;
    order[i] = order[j] as number;
    order[j] = swap;
  }
}

/** Mean gradient of the batch's loss, written into each slot's `gradient`. */
function computeGradients(
  layers: readonly MlpLayer[],
  slots: readonly Slot[],
  set: MlpTrainingSet,
  rows: Int32Array,
): void {
  const batch = gatherRows(set.x, set.width, rows);
  const activations = forwardMlp(layers, batch, rows.length);
  let delta = outputDelta(set, rows, activations[activations.length - 1] as Float64Array);
  for (let l = layers.length - 1; l >= 0; l -= 1) {
    const layer = layers[l] as MlpLayer;
    const input = activations[l] as Float64Array;
    accumulate(layer, input, delta, rows.length, slots[2 * l] as Slot, slots[2 * l + 1] as Slot);
    if (l > 0) delta = backpropagate(layer, input, delta, rows.length);
  }
}

function gatherRows(x: Float64Array, width: number, rows: Int32Array): Float64Array {
  const batch = new Float64Array(rows.length * width);
  rows.forEach((row, r) => batch.set(x.subarray(row * width, (row + 1) * width), r * width));
  return batch;
}

/** d(loss)/d(output) per entry, divided by the batch size; 0 where the target is undefined. */
function outputDelta(set: MlpTrainingSet, rows: Int32Array, out: Float64Array): Float64Array {
  const k = set.outputs;
  const delta = new Float64Array(rows.length * k);
  rows.forEach((row, r) => {
    for (let o = 0; o < k; o += 1) {
      const target = set.targets[row * k + o] as number;
      if (Number.isNaN(target)) continue;
      const z = out[r * k + o] as number;
      const predicted = set.loss === 'logistic' ? 1 / (1 + Math.exp(-z)) : z;
      delta[r * k + o] = (predicted - target) / rows.length;
    }
  });
  return delta;
}

/** weights gradient = inputᵀ · delta, bias gradient = column sums of delta. */
function accumulate(
  layer: MlpLayer,
  input: Float64Array,
  delta: Float64Array,
  rows: number,
  weights: Slot,
  bias: Slot,
): void {
  const { inputs, outputs } = layer;
  const gw = weights.gradient.fill(0);
  const gb = bias.gradient.fill(0);
  for (let r = 0; r < rows; r += 1) {
    const d = r * outputs;
    for (let o = 0; o < outputs; o += 1) gb[o] = (gb[o] as number) + (delta[d + o] as number);
    for (let i = 0; i < inputs; i += 1) {
      const value = input[r * inputs + i] as number;
      if (value === 0) continue;
      const w = i * outputs;
      for (let o = 0; o < outputs; o += 1) {
        gw[w + o] = (gw[w + o] as number) + value * (delta[d + o] as number);
      }
    }
  }
}

/** delta of the layer below: (delta · weightsᵀ), zero where that layer's ReLU was off. */
function backpropagate(
  layer: MlpLayer,
  input: Float64Array,
  delta: Float64Array,
  rows: number,
): Float64Array {
  const { inputs, outputs, weights } = layer;
  const below = new Float64Array(rows * inputs);
  for (let r = 0; r < rows; r += 1) {
    const d = r * outputs;
    for (let i = 0; i < inputs; i += 1) {
      if ((input[r * inputs + i] as number) <= 0) continue;
      let sum = 0;
      const w = i * outputs;
      for (let o = 0; o < outputs; o += 1)
        sum += (delta[d + o] as number) * (weights[w + o] as number);
      below[r * inputs + i] = sum;
    }
  }
  return below;
}

/** One Adam update of every slot at `rate`, with bias-corrected moments. */
function adamStep(slots: readonly Slot[], rate: number, step: number, l2: number): void {
  const correct1 = 1 - BETA1 ** step;
  const correct2 = 1 - BETA2 ** step;
  for (const { values, gradient, m, v, decay } of slots) {
    for (let i = 0; i < values.length; i += 1) {
      const value = values[i] as number;
      const g = (gradient[i] as number) + (decay ? l2 * value : 0);
      const mi = BETA1 * (m[i] as number) + (1 - BETA1) * g;
      const vi = BETA2 * (v[i] as number) + (1 - BETA2) * g * g;
      m[i] = mi;
      v[i] = vi;
      values[i] = value - (rate * (mi / correct1)) / (Math.sqrt(vi / correct2) + EPSILON);
    }
  }
}
