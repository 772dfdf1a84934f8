/**
 * Examples made of one visit per child (the visit features of
 * `growth.status` and `growth.zscore`): the most recent day with a measured
 * weight and length or height, head circumference from that day if any.
 */
import type { Cohort } from '../cohort.js';
import type { WhoScores } from '../growth/score-who.js';
import { emptyVisit, indexByChildAndAge, lastCompleteVisit } from './child-histories.js';
import { STATUS_FEATURES } from './growth-status-contract.js';
import type { Visit } from './child-histories.js';
import { standardSubgroup } from './subgroups.js';
import type { TaskExamples, TensorColumn, WhoScorer } from './task-definition.js';

/** What each input column means, for the task reference. */
const FEATURE_MEANINGS: Readonly<Record<(typeof STATUS_FEATURES)[number], string>> = {
  sex: '1 male, 2 female',
  age_days: 'age at the visit in whole days',
  weight_kg: 'weight in kg',
  stature_cm: 'recumbent length or standing height in cm, as measured',
  head_circumference_cm: 'head circumference in cm; NaN when not measured',
  recumbent: '1 when stature is a recumbent length, 0 when standing height',
};

/** The six input columns of a one-visit task, in `STATUS_FEATURES` order. */
export const VISIT_FEATURES: readonly TensorColumn[] = Object.freeze(
  STATUS_FEATURES.map((name) => ({ name, description: FEATURE_MEANINGS[name] })),
);

/** The rule, as model owners read it. */
export const VISIT_EXAMPLE_RULE =
  'One per child: the most recent day with a measured (not estimated) weight and length or ' +
  'height; head circumference from the same day when measured.';

/**
 * One example per child with a complete visit; `targetsOf` gives its
 * `outputs` target values (NaN where undefined) from the visit's WHO scores.
 */
export function buildVisitExamples(
  cohort: Cohort,
  score: WhoScorer,
  outputs: number,
  targetsOf: (visit: Visit, z: WhoScores) => readonly number[],
): TaskExamples {
  // At most one example per child: sized for all, trimmed at the end.
  const most = cohort.children.ids.length;
  const width = VISIT_FEATURES.length;
  const features = new Float32Array(most * width);
  const targets = new Float64Array(most * outputs);
  const subgroups = new Uint8Array(most);
  const index = indexByChildAndAge(cohort);
  const visit = emptyVisit(0);
  let rows = 0;
  for (let child = 0; child < most; child += 1) {
    if (!lastCompleteVisit(cohort, index, child, visit)) continue;
    const sex = cohort.children.sex[child] === 2 ? 2 : 1;
    const { ageDays, weightKg, statureCm, recumbent, headCm } = visit;
    writeRow(features, rows * width, [
      sex,
      ageDays,
      weightKg,
      statureCm,
      headCm,
      recumbent ? 1 : 0,
    ]);
    const z = score({ sex, ageDays, weightKg, statureCm, recumbent, headCircumferenceCm: headCm });
    writeRow(targets, rows * outputs, targetsOf(visit, z));
    const gestationalAgeDays = cohort.children.gestationalAgeDays[child] ?? Number.NaN;
    subgroups[rows] = standardSubgroup({ sex, ageDays, gestationalAgeDays });
    rows += 1;
  }
  return {
    rows,
    features: features.slice(0, rows * width),
    targets: targets.slice(0, rows * outputs),
    subgroups: subgroups.slice(0, rows),
  };
}

/** A loop, not `set`: for a handful of values the native call costs more than the copy. */
function writeRow(
  into: Float32Array | Float64Array,
  offset: number,
  values: readonly number[],
): void {
  for (let i = 0; i < values.length; i += 1) into[offset + i] = values[i] as number;
}
