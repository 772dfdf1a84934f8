/**
 * `growth.zscore/v1`: raw measurements of one visit → the WHO z-scores a
 * growth chart shows. A reference task: a model that implements the WHO
 * LMS method exactly scores an MAE of 0, so it checks that a model owner's
 * pipeline reads units, ages and body positions the way the references do.
 */
import type { Cohort } from '../cohort.js';
import { STANDARD_SUBGROUPS } from './subgroups.js';
import type { RegressionTask, TaskExamples, WhoScorer } from './task-definition.js';
import { buildVisitExamples, VISIT_EXAMPLE_RULE, VISIT_FEATURES } from './visit-examples.js';

/** z-scores are compared on [−2, 2] in bins of 0.05: binned MAE is within 0.025 of the exact one. */
const MAX_Z_ERROR = 2;

export const GROWTH_ZSCORE: RegressionTask = Object.freeze({
  kind: 'regression',
  id: 'growth.zscore',
  version: 1,
  title: 'WHO z-scores of a visit',
  summary:
    'From one visit’s raw measurements, the WHO weight-for-age, length/height-for-age, ' +
    'BMI-for-age and head-circumference-for-age z-scores.',
  examples:
    `${VISIT_EXAMPLE_RULE} Targets are the unrounded z-scores of WHO 2006 (under 5 y) or ` +
    'WHO 2007 (5–19 y; weight-for-age to 10 y), with the ±0.7 cm length/height correction; a ' +
    'z-score that is undefined at that age or flagged implausible is left out for that child.',
  references: [
    'WHO Child Growth Standards 2006 (R package anthro) and WHO Growth Reference 2007 (anthroplus)',
  ],
  inputName: 'features',
  features: VISIT_FEATURES,
  outputName: 'zscores',
  targets: [
    zTarget('waz', 'weight-for-age z'),
    zTarget('haz', 'length/height-for-age z'),
    zTarget('baz', 'BMI-for-age z'),
    zTarget('hcz', 'head-circumference-for-age z (under 5 y)'),
  ],
  errorBins: 80,
  subgroups: STANDARD_SUBGROUPS,
  metrics: ['mae', 'rmse', 'bias'],
  buildExamples: buildZscoreExamples,
});

function zTarget(name: string, description: string): RegressionTask['targets'][number] {
  return { name, description, unit: 'z', maxError: MAX_Z_ERROR };
}

function buildZscoreExamples(cohort: Cohort, score: WhoScorer): TaskExamples {
  return buildVisitExamples(cohort, score, 4, (_visit, z) => [
    usable(z.waz, z.flagged.waz),
    usable(z.haz, z.flagged.haz),
    usable(z.baz, z.flagged.baz),
    usable(z.hcz, z.flagged.hcz),
  ]);
}

function usable(z: number, flagged: boolean): number {
  return flagged ? Number.NaN : z;
}
