/**
 * A model that outputs only the baseline's engineered features, so tests can
 * compare the graph's arithmetic with `statusFeatures` column by column.
 */
import { encodeModel } from '../onnx/encode-model.js';
import { GraphBuilder } from '../onnx/graph-builder.js';
import { STATUS_FEATURES, STATUS_INPUT_NAME } from '../tasks/growth-status-contract.js';
import { STATUS_ENGINEERED_FEATURES } from './status-features.js';
import { addStatusFeatures } from './status-features-graph.js';

/** Output name of the features model: float32 [N, F]. */
export const STATUS_FEATURES_OUTPUT_NAME = 'engineered_features';

/** ONNX bytes: `features` float32 [N, 6] → `engineered_features` float32 [N, F]. */
export function buildStatusFeaturesOnnx(): Uint8Array {
  const graph = new GraphBuilder('growth_status_features');
  const input = graph.input(STATUS_INPUT_NAME, 'float32', ['N', STATUS_FEATURES.length]);
  graph.op('Identity', [addStatusFeatures(graph, input)], {}, STATUS_FEATURES_OUTPUT_NAME);
  graph.output(STATUS_FEATURES_OUTPUT_NAME, 'float32', ['N', STATUS_ENGINEERED_FEATURES.length]);
  return encodeModel(graph);
}
