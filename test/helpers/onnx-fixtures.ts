/**
 * Test fixtures for the ONNX runner and the growth.status baseline, all built
 * in code (no downloads): models that break the contract in one way each, a
 * model that outputs NaN and ±Infinity, a model that is slow on purpose, and
 * a synthetic labelled sample with known labelling rules.
 */
import { attr } from '../../benchmark/onnx/onnx-attribute.js';
import { encodeModel } from '../../benchmark/onnx/encode-model.js';
import { GraphBuilder } from '../../benchmark/onnx/graph-builder.js';
import type { Dim, TensorElementType } from '../../benchmark/onnx/tensor-element-type.js';

/** Ways a fixture model can break the growth.status contract. */
export type ContractBreak =
  | 'input-name'
  | 'input-columns'
  | 'input-dtype'
  | 'input-fixed-batch'
  | 'input-rank'
  | 'extra-input'
  | 'output-name'
  | 'output-columns'
  | 'output-dtype';

interface Spec {
  inputName: string;
  inputType: TensorElementType;
  inputShape: Dim[];
  outputName: string;
  outputType: TensorElementType;
  outputShape: Dim[];
  extraInput: boolean;
}

const VALID: Spec = {
  inputName: 'features',
  inputType: 'float32',
  inputShape: ['N', 6],
  outputName: 'probabilities',
  outputType: 'float32',
  outputShape: ['N', 6],
  extraInput: false,
};

const BREAKS: Record<ContractBreak, Partial<Spec>> = {
  'input-name': { inputName: 'x' },
  'input-columns': { inputShape: ['N', 5], outputShape: ['N', 5] },
  'input-dtype': { inputType: 'int64' },
  'input-fixed-batch': { inputShape: [1, 6], outputShape: [1, 6] },
  'input-rank': { inputShape: ['N', 2, 3], outputShape: ['N', 2, 3] },
  'extra-input': { extraInput: true },
  'output-name': { outputName: 'scores' },
  'output-columns': { outputShape: ['N', 7] },
  'output-dtype': { outputType: 'int64' },
};

/**
 * A model that is a valid growth.status model except for `defect`; without
 * one it is valid: probabilities = Sigmoid(features). Every declared shape is
 * what the graph really computes, so onnxruntime loads it and only the
 * contract check can refuse it.
 */
export function buildContractModel(defect?: ContractBreak): Uint8Array {
  const spec: Spec = { ...VALID, ...(defect ? BREAKS[defect] : {}) };
  const graph = new GraphBuilder('contract_fixture');
  let x = graph.input(spec.inputName, spec.inputType, spec.inputShape);
  if (spec.inputType !== 'float32') x = graph.op('Cast', [x], { to: attr.elementType('float32') });
  if (spec.extraInput) x = graph.op('Add', [x, graph.input('offset', 'float32', ['N', 6])]);
  let y = graph.op('Sigmoid', [x]);
  if (spec.outputShape[1] === 7) {
    const first = graph.op('Gather', [y, graph.constant([0], 'int64')], { axis: attr.int(1) });
    y = graph.op('Concat', [y, first], { axis: attr.int(1) });
  }
  if (spec.outputType !== 'float32')
    y = graph.op('Cast', [y], { to: attr.elementType(spec.outputType) });
  graph.op('Identity', [y], {}, spec.outputName);
  graph.output(spec.outputName, spec.outputType, spec.outputShape);
  return encodeModel(graph);
}

/** Output columns of `buildNonFiniteModel`, whatever the input. */
export const NON_FINITE_OUTPUT = [NaN, Infinity, -Infinity, 0.5, NaN, 1] as const;

/**
 * A contract-valid model whose output ignores finite inputs and is
 * `NON_FINITE_OUTPUT` on every row: probabilities = features·0 + constants.
 */
export function buildNonFiniteModel(): Uint8Array {
  const graph = new GraphBuilder('non_finite_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  const zeros = graph.op('Mul', [x, graph.constant([0], 'float32', [])]);
  graph.op('Add', [zeros, graph.constant(NON_FINITE_OUTPUT)], {}, 'probabilities');
  graph.output('probabilities', 'float32', ['N', 6]);
  return encodeModel(graph);
}

/**
 * A contract-valid model that is slow on purpose: a Loop of `size`×`size`
 * MatMuls, `iterationsPerRow` per input row. The trip count depends on the
 * input, so onnxruntime cannot fold the loop away at load time, and the result
 * feeds the output, so it cannot be pruned.
 */
export function buildSlowModel(iterationsPerRow: number, size = 128): Uint8Array {
  const graph = new GraphBuilder('slow_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  const rows = graph.op('Gather', [graph.op('Shape', [x]), graph.constant([0], 'int64', [])]);
  const trips = graph.op('Mul', [rows, graph.constant([iterationsPerRow], 'int64', [])]);
  // Entries 1/size keep every product at exactly 1/size: no overflow, no denormals.
  const fill = new Float32Array(size * size).fill(1 / size);
  const weights = graph.constant(fill, 'float32', [size, size]);
  const start = graph.constant(fill, 'float32', [size, size]);
  const body = new GraphBuilder('slow_body', { prefix: 'body_' });
  body.input('body_i', 'int64', []);
  const condition = body.input('body_cond', 'bool', []);
  const previous = body.input('body_prev', 'float32', [size, size]);
  body.output(body.op('Identity', [condition]), 'bool', []);
  body.output(body.op('MatMul', [previous, weights]), 'float32', [size, size]);
  const always = graph.constant([1], 'bool', []);
  const last = graph.op('Loop', [trips, always, start], { body: attr.graph(body.toGraphProto()) });
  const mean = graph.op('ReduceMean', [last], { keepdims: attr.int(0) });
  const zeros = graph.op('Mul', [x, graph.constant([0], 'float32', [])]);
  graph.op('Sigmoid', [graph.op('Add', [zeros, mean])], {}, 'probabilities');
  graph.output('probabilities', 'float32', ['N', 6]);
  return encodeModel(graph);
}

/** A seeded uniform [0, 1) generator (mulberry32): tests need reproducible data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller) from a uniform generator. */
export function normalDraw(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Labelled growth.status rows: input N×6 in contract order, labels N×6 (1, 0, −1). */
export interface StatusSample {
  readonly rows: number;
  readonly input: Float32Array;
  readonly labels: Int8Array;
}

/**
 * A toy population (not a growth reference): stature, weight-for-stature and
 * head circumference follow smooth medians in age with latent z-scores, and
 * each label is a threshold on a latent z, so labels are a known function of
 * the measurements. Head circumference is missing for ~30% of rows, where
 * microcephaly is undefined (−1).
 */
export function makeStatusSample(rows: number, seed: number): StatusSample {
  const random = seededRandom(seed);
  const input = new Float32Array(rows * 6);
  const labels = new Int8Array(rows * 6);
  for (let row = 0; row < rows; row++) {
    const child = drawChild(random);
    input.set(child.features, row * 6);
    labels.set(child.labels, row * 6);
  }
  return { rows, input, labels };
}

function drawChild(random: () => number): { features: number[]; labels: number[] } {
  const sex = random() < 0.5 ? 1 : 2;
  const ageDays = Math.floor(random() * 6 * 365.25);
  const years = ageDays / 365.25;
  const statureZ = -0.5 + 1.2 * normalDraw(random);
  const weightZ = 0.3 + 1.2 * normalDraw(random);
  const headZ = -0.3 + 1.1 * normalDraw(random);
  const statureMedian = 50 + 35 * (1 - Math.exp(-years / 1.2)) + 6 * years + (sex === 1 ? 1 : 0);
  const statureCm = statureMedian * (1 + 0.04 * statureZ);
  const weightKg = 3.3 * (statureCm / 50) ** 2.6 * Math.exp(0.09 * weightZ);
  const headMedian = 35 + 13 * (1 - Math.exp(-years / 0.8));
  const headMissing = random() < 0.3;
  const headCm = headMissing ? NaN : headMedian + 1.3 * headZ;
  const underweight = statureZ + weightZ < -2.5;
  return {
    features: [sex, ageDays, weightKg, statureCm, headCm, years < 2 ? 1 : 0],
    labels: [
      statureZ < -2 ? 1 : 0,
      weightZ < -2 ? 1 : 0,
      underweight ? 1 : 0,
      weightZ > 2 ? 1 : 0,
      weightZ > 3 ? 1 : 0,
      headMissing ? -1 : headZ < -2 ? 1 : 0,
    ],
  };
}
