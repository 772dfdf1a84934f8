import { buildStatusBaselineOnnx } from '../../benchmark/baselines/build-status-baseline-onnx.js';
import { concatExamples } from '../../benchmark/baselines/concat-examples.js';
import { fitStatusBaseline } from '../../benchmark/baselines/growth-status-baseline.js';
import type { StatusBaselineWeights } from '../../benchmark/baselines/growth-status-baseline.js';
import type { Cohort } from '../../benchmark/cohort.js';
import { scoreWho } from '../../benchmark/growth/score-who.js';
import { generateSimSite } from '../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../benchmark/sim/sim-site-spec.js';
import { GROWTH_STATUS } from '../../benchmark/tasks/growth-status.js';
import type { TaskDefinition, TaskExamples } from '../../benchmark/tasks/task-definition.js';

/**
 * The growth.status reference model, fitted like a model owner would: on
 * Sim data from a seed the sites never use, so the demo evaluates it on
 * children it has not seen.
 */
export function fitDemoModel(childrenPerSite: number, seed: string): Uint8Array {
  const cohorts = trainingCohorts(childrenPerSite, seed);
  return buildStatusBaselineOnnx(fitStatusWeights(trainingExamples(GROWTH_STATUS, cohorts)));
}

/** One Sim cohort per demo site, generated from a training seed. */
export function trainingCohorts(childrenPerSite: number, seed: string): Cohort[] {
  return Object.values(SIM_SITES).map(
    (spec) => generateSimSite(spec, { children: childrenPerSite, seed }).cohort,
  );
}

/** `task`'s examples of every training cohort, pooled. */
export function trainingExamples(task: TaskDefinition, cohorts: readonly Cohort[]): TaskExamples {
  return concatExamples(cohorts.map((cohort) => task.buildExamples(cohort, scoreWho)));
}

/** The growth.status logistic baseline fitted on growth.status examples. */
export function fitStatusWeights(examples: TaskExamples): StatusBaselineWeights {
  // The logistic fitter takes 1/0 labels with −1 for undefined.
  const labels = Int8Array.from(examples.targets, (y) => (Number.isNaN(y) ? -1 : y));
  return fitStatusBaseline(examples.features, labels);
}
