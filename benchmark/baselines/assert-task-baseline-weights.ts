/**
 * The check a task baseline's weights pass before they become a graph: the
 * layers chain from the task's input (plus missing indicators) to its
 * outputs, and every number is finite — a NaN weight would make every
 * prediction invalid without any error.
 */
import { CentileError } from '../errors.js';
import type { TaskDefinition } from '../tasks/task-definition.js';
import { outputColumns, taskKey } from '../tasks/task-definition.js';
import { networkInputWidth } from './baseline-inputs.js';
import type { TaskBaselineWeights } from './fit-task-baseline.js';

/** Throws `BASELINE_WEIGHTS_INVALID` unless `weights` were fitted for `task` and are well formed. */
export function assertTaskBaselineWeights(
  task: TaskDefinition,
  weights: TaskBaselineWeights,
): void {
  const { inputs, layers } = weights;
  const widths = [networkInputWidth(inputs), ...layers.map((layer) => layer.outputs)];
  const wellFormed =
    weights.task === taskKey(task) &&
    weights.output === (task.kind === 'binary' ? 'sigmoid' : 'identity') &&
    inputs.width === task.features.length &&
    inputs.center.length === inputs.width &&
    inputs.scale.length === inputs.width &&
    inputs.indicators.every((j) => Number.isInteger(j) && j >= 0 && j < inputs.width) &&
    layers.length > 0 &&
    widths[widths.length - 1] === outputColumns(task).length &&
    layers.every(
      (layer, l) =>
        layer.inputs === widths[l] &&
        layer.weights.length === layer.inputs * layer.outputs &&
        layer.bias.length === layer.outputs &&
        layer.weights.every(Number.isFinite) &&
        layer.bias.every(Number.isFinite),
    ) &&
    inputs.center.every(Number.isFinite) &&
    inputs.scale.every((s) => Number.isFinite(s) && s > 0);
  if (!wellFormed) {
    throw new CentileError(
      'invalid-input',
      'BASELINE_WEIGHTS_INVALID',
      'weights do not fit the task baseline',
    );
  }
}
