/**
 * A small fully connected network (multi-layer perceptron) as plain typed
 * arrays: ReLU hidden layers, then a linear output layer. The same numbers
 * become MatMul/Add/Relu nodes of an ONNX graph, so this forward pass is the
 * TypeScript twin the tests compare the graph with.
 */
import type { Prng } from '../sim/prng.js';

/** One dense layer: out = in · weights + bias. */
export interface MlpLayer {
  readonly inputs: number;
  readonly outputs: number;
  /** Row-major inputs × outputs: the layout of an ONNX MatMul's right operand. */
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

/**
 * Layers of widths `sizes` (input width first, output width last), weights
 * drawn He-normal from `prng` (suited to ReLU: activations keep their scale
 * from layer to layer), biases 0 except the output layer's, `outputBias`.
 */
export function initMlp(
  sizes: readonly number[],
  prng: Prng,
  outputBias: Float64Array,
): MlpLayer[] {
  const layers: MlpLayer[] = [];
  for (let l = 1; l < sizes.length; l += 1) {
    const inputs = sizes[l - 1] as number;
    const outputs = sizes[l] as number;
    const spread = Math.sqrt(2 / Math.max(inputs, 1));
    const weights = Float64Array.from({ length: inputs * outputs }, () => prng.normal() * spread);
    const last = l === sizes.length - 1;
    layers.push({
      inputs,
      outputs,
      weights,
      bias: last ? outputBias.slice() : new Float64Array(outputs),
    });
  }
  return layers;
}

/**
 * Activations of every layer for `rows` rows of row-major `x`: element 0 is
 * `x` itself, element l the ReLU output of hidden layer l, the last element
 * the linear output (logits or standardised values), rows × outputs.
 */
export function forwardMlp(
  layers: readonly MlpLayer[],
  x: Float64Array,
  rows: number,
): Float64Array[] {
  const activations = [x];
  layers.forEach((layer, l) => {
    const out = denseForward(layer, activations[l] as Float64Array, rows);
    if (l < layers.length - 1) relu(out);
    activations.push(out);
  });
  return activations;
}

/** in · weights + bias for `rows` rows; skips zero inputs (half the ReLU activations are 0). */
function denseForward(layer: MlpLayer, input: Float64Array, rows: number): Float64Array {
  const { inputs, outputs, weights, bias } = layer;
  const out = new Float64Array(rows * outputs);
  for (let r = 0; r < rows; r += 1) {
    const at = r * outputs;
    out.set(bias, at);
    for (let i = 0; i < inputs; i += 1) {
      const value = input[r * inputs + i] as number;
      if (value === 0) continue;
      const w = i * outputs;
      for (let o = 0; o < outputs; o += 1) {
        out[at + o] = (out[at + o] as number) + value * (weights[w + o] as number);
      }
    }
  }
  return out;
}

function relu(values: Float64Array): void {
  for (let i = 0; i < values.length; i += 1) if ((values[i] as number) < 0) values[i] = 0;
}

/** The linear outputs (last activations) of the network for `rows` rows. */
export function mlpOutputs(
  layers: readonly MlpLayer[],
  x: Float64Array,
  rows: number,
): Float64Array {
  const activations = forwardMlp(layers, x, rows);
  return activations[activations.length - 1] as Float64Array;
}
