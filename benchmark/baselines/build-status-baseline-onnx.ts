/**
 * Writes a fitted growth.status baseline as an ONNX model that satisfies
 * the task contract: `features` float32 [N, 6] → `probabilities` float32 [N, 6].
 */
import { encodeModel } from '../onnx/encode-model.js';
import { GraphBuilder } from '../onnx/graph-builder.js';
import {
  GROWTH_STATUS_TASK_ID,
  GROWTH_STATUS_VERSION,
  STATUS_FEATURES,
  STATUS_INPUT_NAME,
  STATUS_LABELS,
  STATUS_OUTPUT_NAME,
} from '../tasks/growth-status-contract.js';
import { assertStatusBaselineWeights } from './growth-status-baseline.js';
import type { StatusBaselineWeights } from './growth-status-baseline.js';
import { addStatusFeatures } from './status-features-graph.js';

/** Metadata value naming the task, per DESIGN §7 (`centile.task`). */
export const STATUS_TASK_METADATA = `${GROWTH_STATUS_TASK_ID}/v${GROWTH_STATUS_VERSION}`;

/** `centile.model` of the growth.status logistic baseline. */
export const STATUS_BASELINE_MODEL = 'baseline/logistic';

/** ONNX bytes of the baseline: features → Sub(center) → MatMul + Add → Sigmoid. */
export function buildStatusBaselineOnnx(weights: StatusBaselineWeights): Uint8Array {
  assertStatusBaselineWeights(weights);
  const graph = new GraphBuilder('growth_status_baseline');
  const input = graph.input(STATUS_INPUT_NAME, 'float32', ['N', STATUS_FEATURES.length]);
  addStatusBaseline(graph, input, weights, STATUS_OUTPUT_NAME);
  graph.output(STATUS_OUTPUT_NAME, 'float32', ['N', STATUS_LABELS.length]);
  return encodeModel(graph, {
    metadata: { 'centile.task': STATUS_TASK_METADATA, 'centile.model': STATUS_BASELINE_MODEL },
    docString: 'growth.status baseline: per-label logistic regression on engineered features',
  });
}

/**
 * Adds the baseline's nodes reading `input` (float32 [N, 6]); returns the
 * name of the probabilities (`outputName` when given), float32 [N, 6].
 */
export function addStatusBaseline(
  graph: GraphBuilder,
  input: string,
  weights: StatusBaselineWeights,
  outputName?: string,
): string {
  const centred = graph.op('Sub', [
    addStatusFeatures(graph, input),
    graph.constant(weights.center),
  ]);
  const labels = STATUS_LABELS.length;
  const w = graph.constant(weights.coefficients, 'float32', [weights.features.length, labels]);
  const b = graph.constant(weights.intercepts, 'float32', [labels]);
  const logits = graph.op('Add', [graph.op('MatMul', [centred, w]), b]);
  return graph.op('Sigmoid', [logits], {}, outputName);
}
