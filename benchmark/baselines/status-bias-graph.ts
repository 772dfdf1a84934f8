/**
 * The biased model's flaw as ONNX nodes: the in-graph twin of
 * `biasStatusScores`, applied with Where on the `sex` column.
 */
import type { GraphBuilder } from '../onnx/graph-builder.js';
import { attr } from '../onnx/onnx-attribute.js';
import { STATUS_FEATURES } from '../tasks/growth-status-contract.js';
import { NOISE_AGE_FACTOR, NOISE_WEIGHT_FACTOR } from './status-bias.js';
import type { StatusBias } from './status-bias.js';

/**
 * Adds nodes turning `scores` (float32 [N, 6]) into the biased scores for
 * the rows of `input` (float32 [N, 6]); returns their name (`outputName`
 * when given).
 */
export function addStatusBias(
  graph: GraphBuilder,
  input: string,
  scores: string,
  bias: StatusBias,
  outputName?: string,
): string {
  const scalar = (value: number): string => graph.constant([value], 'float32', []);
  const column = (name: (typeof STATUS_FEATURES)[number]): string =>
    graph.op('Gather', [input, graph.constant([STATUS_FEATURES.indexOf(name)], 'int64')], {
      axis: attr.int(1),
    });
  const mixed = graph.op('Add', [
    graph.op('Mul', [column('age_days'), scalar(NOISE_AGE_FACTOR)]),
    graph.op('Mul', [column('weight_kg'), scalar(NOISE_WEIGHT_FACTOR)]),
  ]);
  const noise = graph.op('Sub', [mixed, graph.op('Floor', [mixed])]);
  // score + share·(noise − score): the [N, 1] noise broadcasts over the six labels.
  const shifted = graph.op('Mul', [graph.op('Sub', [noise, scores]), scalar(bias.noiseShare)]);
  const degraded = graph.op('Add', [scores, shifted]);
  const chosen = graph.op('Equal', [column('sex'), scalar(bias.sex)]);
  return graph.op('Where', [chosen, degraded, scores], {}, outputName);
}
