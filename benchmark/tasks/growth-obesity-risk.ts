/**
 * `growth.obesity-risk/v1`: from the visits before 3 years, the probability
 * of obesity at 5–8 years (WHO 2007 BMI-for-age z > 2). Early rapid weight
 * gain predicts later obesity; the task measures how well a model ranks and
 * calibrates that risk years ahead.
 */
import type { Cohort } from '../cohort.js';
import { isComplete } from './child-histories.js';
import type { ChildHistory } from './child-histories.js';
import {
  buildHistoryExamples,
  HISTORY_INPUT_RULE,
  historyFeatures,
  lastMeasuredBefore,
  toWhoVisit,
} from './history-examples.js';
import type { HistoryExampleRule } from './history-examples.js';
import { STANDARD_SUBGROUPS } from './subgroups.js';
import type { BinaryTask, TaskExamples, WhoScorer } from './task-definition.js';

/** The model sees visits before this age (3 years), in days. */
export const OBESITY_INDEX_BEFORE_DAYS = 1096;
/** The outcome window, both ends inclusive: 5 years (1826 days) to 8 years (2922 days). */
export const OBESITY_WINDOW_FIRST_DAY = 1826;
export const OBESITY_WINDOW_LAST_DAY = 2922;
/** WHO obesity cut-off for 5–19 years: BMI-for-age z above +2. */
const OBESITY_BAZ_ABOVE = 2;

const OBESITY_RULE: HistoryExampleRule = Object.freeze({
  queryColumns: 0,
  outputs: 1,
  pick: pickObesityRisk,
});

export const GROWTH_OBESITY_RISK: BinaryTask = Object.freeze({
  kind: 'binary',
  id: 'growth.obesity-risk',
  version: 1,
  title: 'Obesity at 5–8 years from the first 3 years',
  summary:
    'From up to 8 visits before 3 years of age, the probability that the child is obese ' +
    '(BMI-for-age z > 2) at some visit between 5 and 8 years.',
  examples:
    'One per child. The index visit is the child’s last measured visit before 1096 days; ' +
    `the model sees it and the visits before it. ${HISTORY_INPUT_RULE} No query columns. ` +
    'The outcome visits are the days from 1826 to 2922 days of age (both inclusive) with a ' +
    'measured weight and length or height whose BMI-for-age z (WHO 2006 on day 1826, WHO 2007 ' +
    'after; unrounded) is defined and not flagged implausible (|z| > 5). Label 1 when any ' +
    'outcome visit has z > 2, 0 when there is at least one and none does. A child with no ' +
    'index visit or no outcome visit gives no example.',
  references: [
    'de Onis M et al. Development of a WHO growth reference for school-aged children and ' +
      'adolescents. Bull World Health Organ 2007;85:660–667 (obesity: BMI-for-age > +2 SD, 5–19 y)',
    'WHO AnthroPlus implausibility flag for BMI-for-age: |z| > 5',
  ],
  inputName: 'features',
  features: historyFeatures([]),
  outputName: 'probabilities',
  labels: [
    {
      name: 'obesity',
      description: 'WHO 2007 BMI-for-age z > 2 at any measured visit from 1826 to 2922 days',
    },
  ],
  scoreBins: 20,
  subgroups: STANDARD_SUBGROUPS,
  metrics: ['auroc', 'auprc', 'ece', 'sensitivity', 'specificity'],
  buildExamples: buildObesityRiskExamples,
});

function buildObesityRiskExamples(cohort: Cohort, score: WhoScorer): TaskExamples {
  return buildHistoryExamples(cohort, score, OBESITY_RULE);
}

function pickObesityRisk(
  child: ChildHistory,
  score: WhoScorer,
  _query: Float64Array,
  targets: Float64Array,
): number {
  const index = lastMeasuredBefore(child.visits, OBESITY_INDEX_BEFORE_DAYS);
  if (index < 0) return -1;
  const label = obesityAtFiveToEight(child, score);
  if (Number.isNaN(label)) return -1;
  targets[0] = label;
  return index;
}

/** 1 obese at an outcome visit, 0 outcome visits but never obese, NaN no outcome visit. */
function obesityAtFiveToEight(child: ChildHistory, score: WhoScorer): number {
  let label = Number.NaN;
  for (const visit of child.visits) {
    if (visit.ageDays < OBESITY_WINDOW_FIRST_DAY) continue;
    if (visit.ageDays > OBESITY_WINDOW_LAST_DAY) break;
    if (!isComplete(visit)) continue;
    const { baz, flagged } = score(toWhoVisit(child.sex, visit));
    if (Number.isNaN(baz) || flagged.baz) continue;
    if (baz > OBESITY_BAZ_ABOVE) return 1;
    label = 0;
  }
  return label;
}
