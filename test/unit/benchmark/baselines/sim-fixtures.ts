/**
 * Sim data for the baseline tests: the three demo sites' cohorts (memoised,
 * so test files that ask for the same seed share one generation), a task's
 * pooled examples, and the statistics the quality assertions need.
 */
import { concatExamples } from '../../../../benchmark/baselines/concat-examples.js';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import type { TaskDefinition, TaskExamples } from '../../../../benchmark/tasks/task-definition.js';
import { outputColumns } from '../../../../benchmark/tasks/task-definition.js';

const cohorts = new Map<string, Cohort[]>();

/** One cohort per demo site, `childrenPerSite` children each, from `seed`. */
export function simCohorts(childrenPerSite: number, seed: string): Cohort[] {
  const key = `${childrenPerSite}/${seed}`;
  const cached = cohorts.get(key);
  if (cached !== undefined) return cached;
  const made = Object.values(SIM_SITES).map(
    (spec) => generateSimSite(spec, { children: childrenPerSite, seed }).cohort,
  );
  cohorts.set(key, made);
  return made;
}

/** `task`'s examples of every cohort, pooled. */
export function simExamples(task: TaskDefinition, from: readonly Cohort[]): TaskExamples {
  return concatExamples(from.map((cohort) => task.buildExamples(cohort, scoreWho)));
}

/** Per output column, the mean of its defined targets: the trivial predictor. */
export function targetMeans(task: TaskDefinition, examples: TaskExamples): number[] {
  const width = outputColumns(task).length;
  return outputColumns(task).map((_, output) => {
    let sum = 0;
    let count = 0;
    for (let row = 0; row < examples.rows; row++) {
      const y = examples.targets[row * width + output] ?? NaN;
      if (Number.isNaN(y)) continue;
      sum += y;
      count++;
    }
    return sum / count;
  });
}

/** `values` repeated on every one of `rows` rows. */
export function constantPredictions(values: readonly number[], rows: number): Float32Array {
  return Float32Array.from(
    { length: rows * values.length },
    (_, i) => values[i % values.length] ?? NaN,
  );
}

/**
 * Standard error of an AUROC (Hanley & McNeil 1982, Radiology 143:29–36),
 * so "better than chance" means more than sampling noise.
 */
export function aurocStandardError(auroc: number, positives: number, negatives: number): number {
  const q1 = auroc / (2 - auroc);
  const q2 = (2 * auroc * auroc) / (1 + auroc);
  const variance =
    auroc * (1 - auroc) +
    (positives - 1) * (q1 - auroc * auroc) +
    (negatives - 1) * (q2 - auroc * auroc);
  return Math.sqrt(variance / (positives * negatives));
}
