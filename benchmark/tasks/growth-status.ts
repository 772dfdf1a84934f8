/**
 * `growth.status/v1`: from the measurements of one visit, the probabilities
 * of six growth disorders as WHO defines them. One example per child: the
 * most recent visit with a measured weight and length or height.
 */
import type { Cohort } from '../cohort.js';
import {
  GROWTH_STATUS_TASK_ID,
  GROWTH_STATUS_VERSION,
  STATUS_INPUT_NAME,
  STATUS_LABELS,
  STATUS_OUTPUT_NAME,
  STATUS_SCORE_BINS,
} from './growth-status-contract.js';
import type { StatusLabel } from './growth-status-contract.js';
import { statusLabels } from './growth-status-labels.js';
import { STANDARD_SUBGROUPS } from './subgroups.js';
import type { BinaryTask, TaskExamples, WhoScorer } from './task-definition.js';
import { buildVisitExamples, VISIT_EXAMPLE_RULE, VISIT_FEATURES } from './visit-examples.js';

/** What each label of `STATUS_LABELS` means, for the task reference. */
const LABEL_MEANINGS: Readonly<Record<StatusLabel, string>> = {
  stunting: 'length/height-for-age z < −2',
  wasting:
    'weight-for-length/height z < −2 (under 5 y); BMI-for-age z < −2 (thinness, 5 y and over)',
  underweight: 'weight-for-age z < −2 (to 10 y)',
  overweight: 'WHZ > 2 (under 5 y); BAZ > 1 (5 y and over)',
  obesity: 'WHZ > 3 (under 5 y); BAZ > 2 (5 y and over)',
  microcephaly: 'head-circumference-for-age z < −2 (under 5 y, when measured)',
};

export const GROWTH_STATUS: BinaryTask = Object.freeze({
  kind: 'binary',
  id: GROWTH_STATUS_TASK_ID,
  version: GROWTH_STATUS_VERSION,
  title: 'Growth status at a visit',
  summary:
    'From one visit’s measurements, the probability of each WHO growth disorder at that visit.',
  examples:
    `${VISIT_EXAMPLE_RULE} Labels from WHO 2006 (under 5 y) or WHO 2007 (5–19 y) z-scores of ` +
    'that visit; a label whose z-score is missing or flagged implausible is left out for that child.',
  references: [
    'WHO Child Growth Standards 2006 and WHO Growth Reference 2007 (cut-offs of the WHO Anthro software)',
  ],
  inputName: STATUS_INPUT_NAME,
  features: VISIT_FEATURES,
  outputName: STATUS_OUTPUT_NAME,
  labels: STATUS_LABELS.map((name) => ({ name, description: LABEL_MEANINGS[name] })),
  scoreBins: STATUS_SCORE_BINS,
  subgroups: STANDARD_SUBGROUPS,
  metrics: ['auroc', 'auprc', 'sensitivity', 'specificity', 'f1', 'accuracy', 'ece'],
  buildExamples: buildStatusTaskExamples,
});

function buildStatusTaskExamples(cohort: Cohort, score: WhoScorer): TaskExamples {
  return buildVisitExamples(cohort, score, STATUS_LABELS.length, (visit, z) =>
    statusLabels(visit.ageDays, z).map((y) => (y === -1 ? Number.NaN : y)),
  );
}
