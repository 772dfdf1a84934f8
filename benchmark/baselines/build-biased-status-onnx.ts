/**
 * `baseline/biased`: the fitted growth.status baseline with a known flaw
 * for one sex (see status-bias.ts), so a round shows what a fairness gap
 * looks like in the results. A teaching model, never a reference result.
 */
import { CentileError } from '../errors.js';
import { encodeModel } from '../onnx/encode-model.js';
import { GraphBuilder } from '../onnx/graph-builder.js';
import {
  STATUS_FEATURES,
  STATUS_INPUT_NAME,
  STATUS_LABELS,
  STATUS_OUTPUT_NAME,
} from '../tasks/growth-status-contract.js';
import { addStatusBaseline, STATUS_TASK_METADATA } from './build-status-baseline-onnx.js';
import { assertStatusBaselineWeights } from './growth-status-baseline.js';
import type { StatusBaselineWeights } from './growth-status-baseline.js';
import { STATUS_BIAS } from './status-bias.js';
import type { StatusBias } from './status-bias.js';
import { addStatusBias } from './status-bias-graph.js';

/** `centile.model` of the biased model. */
export const BIASED_STATUS_MODEL = 'baseline/biased';

/**
 * ONNX bytes: the baseline of `weights`, then `bias` applied to its probabilities.
 * @throws CentileError `BASELINE_WEIGHTS_INVALID` for weights of another shape,
 *   `BASELINE_BIAS_INVALID` unless the share is in [0, 1] (scores must stay probabilities).
 */
export function buildBiasedStatusOnnx(
  weights: StatusBaselineWeights,
  bias: StatusBias = STATUS_BIAS,
): Uint8Array {
  assertStatusBaselineWeights(weights);
  if (!(bias.noiseShare >= 0 && bias.noiseShare <= 1)) {
    throw new CentileError(
      'invalid-input',
      'BASELINE_BIAS_INVALID',
      'noise share must be in [0, 1]',
    );
  }
  const graph = new GraphBuilder('growth_status_biased');
  const input = graph.input(STATUS_INPUT_NAME, 'float32', ['N', STATUS_FEATURES.length]);
  const fair = addStatusBaseline(graph, input, weights);
  addStatusBias(graph, input, fair, bias, STATUS_OUTPUT_NAME);
  graph.output(STATUS_OUTPUT_NAME, 'float32', ['N', STATUS_LABELS.length]);
  return encodeModel(graph, {
    metadata: { 'centile.task': STATUS_TASK_METADATA, 'centile.model': BIASED_STATUS_MODEL },
    docString:
      `growth.status baseline made worse on purpose: for sex = ${String(bias.sex)}, ` +
      `${String(bias.noiseShare * 100)} % of each score is replaced by noise`,
  });
}
