/**
 * Writes a fitted task baseline as an ONNX model that satisfies the task's
 * contract, using only operators of the node's allowlist: IsNaN/Where for
 * missing values, Sub/Div for standardisation, Cast/Gather/Concat for the
 * missing indicators, MatMul/Add/Relu for the layers, Sigmoid for
 * probabilities.
 */
import { encodeModel } from '../onnx/encode-model.js';
import { GraphBuilder } from '../onnx/graph-builder.js';
import { attr } from '../onnx/onnx-attribute.js';
import type { TaskDefinition } from '../tasks/task-definition.js';
import { outputColumns, taskKey } from '../tasks/task-definition.js';
import { assertTaskBaselineWeights } from './assert-task-baseline-weights.js';
import type { BaselineInputs } from './baseline-inputs.js';
import type { TaskBaselineWeights } from './fit-task-baseline.js';

/** `centile.model` of a task baseline built here. */
export const TASK_BASELINE_MODEL = 'baseline/mlp';

/**
 * ONNX bytes of `weights` for `task`: `task.inputName` float32 [N, features]
 * → `task.outputName` float32 [N, outputs], with metadata `centile.task` (the
 * task key) and `centile.model` (`baseline/mlp`).
 * @throws CentileError `BASELINE_WEIGHTS_INVALID` when the weights were not fitted for `task`.
 */
export function buildTaskBaselineOnnx(
  task: TaskDefinition,
  weights: TaskBaselineWeights,
): Uint8Array {
  assertTaskBaselineWeights(task, weights);
  const graph = new GraphBuilder(`${task.id}_baseline`);
  const input = graph.input(task.inputName, 'float32', ['N', task.features.length]);
  addTaskBaseline(graph, input, weights, task.outputName);
  graph.output(task.outputName, 'float32', ['N', outputColumns(task).length]);
  const hidden = weights.layers.slice(0, -1).map((layer) => layer.outputs);
  return encodeModel(graph, {
    metadata: { 'centile.task': taskKey(task), 'centile.model': TASK_BASELINE_MODEL },
    docString: `${task.id} baseline: MLP with hidden layers [${hidden.join(', ')}] fitted on Sim data`,
  });
}

/**
 * Adds the baseline's nodes reading `input` (float32 [N, features]); returns
 * the name of its output (`outputName` when given), float32 [N, outputs].
 */
export function addTaskBaseline(
  graph: GraphBuilder,
  input: string,
  weights: TaskBaselineWeights,
  outputName?: string,
): string {
  let value = addNetworkInputs(graph, input, weights.inputs);
  weights.layers.forEach((layer, l) => {
    const w = graph.constant(layer.weights, 'float32', [layer.inputs, layer.outputs]);
    const b = graph.constant(layer.bias, 'float32', [layer.outputs]);
    value = graph.op('Add', [graph.op('MatMul', [value, w]), b]);
    if (l < weights.layers.length - 1) value = graph.op('Relu', [value]);
  });
  const activation = weights.output === 'sigmoid' ? 'Sigmoid' : 'Identity';
  return graph.op(activation, [value], {}, outputName);
}

/** The in-graph twin of `toNetworkInputs`: standardised columns, NaN → 0, then indicators. */
function addNetworkInputs(graph: GraphBuilder, input: string, inputs: BaselineInputs): string {
  const missing = graph.op('IsNaN', [input]);
  const centred = graph.op('Sub', [input, graph.constant(inputs.center)]);
  const standardized = graph.op('Div', [centred, graph.constant(inputs.scale)]);
  // Where picks 0 for a missing value so the NaN never reaches the MatMul.
  const filled = graph.op('Where', [missing, graph.constant([0], 'float32', []), standardized]);
  if (inputs.indicators.length === 0) return filled;
  const flags = graph.op('Cast', [missing], { to: attr.elementType('float32') });
  const indicators = graph.op('Gather', [flags, graph.constant(inputs.indicators, 'int64')], {
    axis: attr.int(1),
  });
  return graph.op('Concat', [filled, indicators], { axis: attr.int(1) });
}
