import {
  BIASED_STATUS_MODEL,
  buildBiasedStatusOnnx,
} from '../../benchmark/baselines/build-biased-status-onnx.js';
import {
  buildStatusBaselineOnnx,
  STATUS_BASELINE_MODEL,
} from '../../benchmark/baselines/build-status-baseline-onnx.js';
import {
  buildTaskBaselineOnnx,
  TASK_BASELINE_MODEL,
} from '../../benchmark/baselines/build-task-baseline-onnx.js';
import { fitTaskBaseline } from '../../benchmark/baselines/fit-task-baseline.js';
import type { Cohort } from '../../benchmark/cohort.js';
import { GROWTH_STATUS } from '../../benchmark/tasks/growth-status.js';
import { TASK_CATALOG } from '../../benchmark/tasks/task-catalog.js';
import type { TaskDefinition } from '../../benchmark/tasks/task-definition.js';
import { fitStatusWeights, trainingCohorts, trainingExamples } from './fit-demo-model.js';

/** One model the demo submits, and the round it gets. */
export interface DemoModel {
  /** File stem under `models/` and name at the coordinator, e.g. `growth.forecast-baseline`. */
  readonly name: string;
  readonly task: TaskDefinition;
  /** Its `centile.model` metadata, e.g. `baseline/mlp`. */
  readonly kind: string;
  readonly bytes: Uint8Array;
}

/**
 * A reference model for every catalog task, in catalog order, then the
 * deliberately biased growth.status model — all fitted on one set of Sim
 * cohorts from a seed the sites never use. growth.status keeps its own
 * baseline, the per-label logistic regression on features computed in the
 * graph (its coefficients can be read; the generic MLP, which also fits the
 * task, ranks the labels slightly better on held-out Sim children); the
 * biased model is that same fitted baseline with a flaw.
 */
export function fitDemoModels(childrenPerSite: number, seed: string): DemoModel[] {
  const cohorts = trainingCohorts(childrenPerSite, seed);
  const statusWeights = fitStatusWeights(trainingExamples(GROWTH_STATUS, cohorts));
  const baselines = TASK_CATALOG.map((task): DemoModel => {
    const name = `${task.id}-baseline`;
    if (task === GROWTH_STATUS) {
      return {
        name,
        task,
        kind: STATUS_BASELINE_MODEL,
        bytes: buildStatusBaselineOnnx(statusWeights),
      };
    }
    return { name, task, kind: TASK_BASELINE_MODEL, bytes: fitMlpBaseline(task, cohorts) };
  });
  const biased: DemoModel = {
    name: `${GROWTH_STATUS.id}-biased`,
    task: GROWTH_STATUS,
    kind: BIASED_STATUS_MODEL,
    bytes: buildBiasedStatusOnnx(statusWeights),
  };
  return [...baselines, biased];
}

function fitMlpBaseline(task: TaskDefinition, cohorts: readonly Cohort[]): Uint8Array {
  return buildTaskBaselineOnnx(task, fitTaskBaseline(task, trainingExamples(task, cohorts)));
}
