/**
 * A task baseline's predictions computed in TypeScript (float64), the twin
 * of its ONNX graph (float32): tests compare the two, and compute exact
 * metrics on held-out Sim data without an ONNX runtime.
 */
import { toNetworkInputs } from './baseline-inputs.js';
import type { TaskBaselineWeights } from './fit-task-baseline.js';
import { mlpOutputs } from './mlp.js';

/** Outputs (rows × task outputs) of `rows` rows of the contract input (rows × task features). */
export function predictTaskBaseline(
  weights: TaskBaselineWeights,
  features: Float32Array,
  rows: number,
): Float64Array {
  const out = mlpOutputs(weights.layers, toNetworkInputs(weights.inputs, features, rows), rows);
  return weights.output === 'sigmoid' ? out.map((z) => 1 / (1 + Math.exp(-z))) : out;
}
