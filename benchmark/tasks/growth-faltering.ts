/**
 * `growth.faltering/v1`: from the visits of the first six months, the
 * probability that weight falters before 2 years — a fall of more than one
 * weight-for-age z within 12 months, measured from the index visit on, so
 * the model predicts a fall it has not yet seen.
 */
import type { Cohort } from '../cohort.js';
import type { ChildHistory, Visit } from './child-histories.js';
import {
  buildHistoryExamples,
  HISTORY_INPUT_RULE,
  historyFeatures,
  lastMeasuredBefore,
} from './history-examples.js';
import type { HistoryExampleRule } from './history-examples.js';
import { STANDARD_SUBGROUPS } from './subgroups.js';
import type { BinaryTask, TaskExamples, WhoScorer } from './task-definition.js';

/** The model sees visits before this age (6 months), in days. */
export const FALTERING_INDEX_BEFORE_DAYS = 183;
/** Weighings count before this age (2 years), in days. */
export const FALTERING_WINDOW_END_DAYS = 731;
/** An example needs a usable weighing from this age (1 year) on: half the window observed. */
export const FALTERING_FOLLOW_UP_FROM_DAYS = 365;
/** A fall counts between weighings at most this many days apart. */
export const FALTERING_MAX_GAP_DAYS = 365;
/** A fall counts when WAZ drops by more than this. */
export const FALTERING_DROP_ABOVE_Z = 1;

export const GROWTH_FALTERING: BinaryTask = Object.freeze({
  kind: 'binary',
  id: 'growth.faltering',
  version: 1,
  title: 'Weight faltering before 2 years',
  summary:
    'From up to 8 visits before 6 months of age, the probability that weight-for-age falls ' +
    'by more than one z-score within 12 months, after the last visit seen and before 2 years.',
  examples:
    'One per child. The index visit is the child’s last measured visit before 183 days; the ' +
    `model sees it and the visits before it. ${HISTORY_INPUT_RULE} No query columns. The ` +
    'weighings are the days from the index visit (included) to 730 days with a measured weight ' +
    'whose WHO weight-for-age z (unrounded) is defined and not flagged implausible (z < −6 or ' +
    '> 5); days before the index visit never count. Label 1 when some pair of weighings ' +
    'at most 365 days apart has the later z lower than the earlier by more than 1.0 (a drop ' +
    'of exactly 1.0 is not faltering), 0 otherwise. A child with no index visit, or with no ' +
    'such weighing from 365 days on, gives no example (too little follow-up to tell), whatever ' +
    'its weighings show, so positives and negatives are selected alike.',
  references: [
    'WHO Training Course on Child Growth Assessment (2008), Interpreting Growth Indicators: a ' +
      'growth line crossing a z-score line may indicate risk; a fall of more than 1 z always ' +
      'crosses a whole z, where the WHO chart lines are drawn',
    'NICE guideline NG75 (2017), Faltering growth: thresholds of 1, 2 or 3 weight centile ' +
      'spaces (0.67 z each on UK-WHO charts) by birth-weight centile; one fixed threshold of ' +
      '1 z lies between its 1- and 2-space thresholds',
    'Unconditional z change, not conditional weight gain (Cole TJ, Arch Dis Child ' +
      '1995;73:8–16; Olsen EM et al., Arch Dis Child 2007;92:109–114): no regression to the ' +
      'mean adjustment',
  ],
  inputName: 'features',
  features: historyFeatures([]),
  outputName: 'probabilities',
  labels: [
    {
      name: 'faltering',
      description:
        'weight-for-age z falls by more than 1.0 between two weighings ≤ 365 days apart, from ' +
        'the index visit to 730 days',
    },
  ],
  scoreBins: 20,
  subgroups: STANDARD_SUBGROUPS,
  metrics: ['auroc', 'sensitivity', 'specificity'],
  buildExamples: buildFalteringExamples,
});

/** Reused per cohort: weighings' ages, z and a window of positions, grown to the longest history. */
interface Scratch {
  ages: Float64Array;
  waz: Float64Array;
  window: Int32Array;
}

function buildFalteringExamples(cohort: Cohort, score: WhoScorer): TaskExamples {
  const scratch: Scratch = {
    ages: new Float64Array(16),
    waz: new Float64Array(16),
    window: new Int32Array(16),
  };
  const rule: HistoryExampleRule = {
    queryColumns: 0,
    outputs: 1,
    pick: (child, scoreVisit, _query, targets) =>
      pickFaltering(child, scoreVisit, targets, scratch),
  };
  return buildHistoryExamples(cohort, score, rule);
}

function pickFaltering(
  child: ChildHistory,
  score: WhoScorer,
  targets: Float64Array,
  scratch: Scratch,
): number {
  const index = lastMeasuredBefore(child.visits, FALTERING_INDEX_BEFORE_DAYS);
  // Scoring dominates the cost: skip children that cannot have follow-up first.
  if (index < 0 || !hasLateWeight(child.visits)) return -1;
  if (scratch.ages.length < child.visits.length) growScratch(scratch, child.visits.length);
  const count = collectWeighings(child, index, score, scratch);
  if (count === 0 || (scratch.ages[count - 1] as number) < FALTERING_FOLLOW_UP_FROM_DAYS) return -1;
  targets[0] = hasFall(scratch, count) ? 1 : 0;
  return index;
}

/** Whether a weight was measured from 365 to 730 days (necessary for follow-up; not sufficient). */
function hasLateWeight(visits: readonly Visit[]): boolean {
  for (const { ageDays, weightKg } of visits) {
    if (ageDays >= FALTERING_WINDOW_END_DAYS) return false;
    if (ageDays >= FALTERING_FOLLOW_UP_FROM_DAYS && !Number.isNaN(weightKg)) return true;
  }
  return false;
}

/** Writes the usable weighings from the index visit to 730 days into scratch; returns how many. */
function collectWeighings(
  child: ChildHistory,
  index: number,
  score: WhoScorer,
  scratch: Scratch,
): number {
  let count = 0;
  for (let v = index; v < child.visits.length; v += 1) {
    const visit = child.visits[v] as Visit;
    if (visit.ageDays >= FALTERING_WINDOW_END_DAYS) break;
    if (Number.isNaN(visit.weightKg)) continue;
    // Weight alone: WAZ needs nothing else, and the scorer skips the other z-scores.
    const { waz, flagged } = score({
      sex: child.sex,
      ageDays: visit.ageDays,
      weightKg: visit.weightKg,
      statureCm: Number.NaN,
      recumbent: false,
      headCircumferenceCm: Number.NaN,
    });
    if (Number.isNaN(waz) || flagged.waz) continue;
    scratch.ages[count] = visit.ageDays;
    scratch.waz[count] = waz;
    count += 1;
  }
  return count;
}

/**
 * Whether some weighing lies more than the threshold below an earlier one at
 * most 365 days before it. A sliding-window maximum keeps this linear even
 * for daily weighings (e.g. a neonatal unit's), where all pairs would not be.
 */
function hasFall({ ages, waz, window }: Scratch, count: number): boolean {
  let head = 0;
  let tail = 0; // window[head..tail) holds positions with decreasing z
  for (let b = 0; b < count; b += 1) {
    const age = ages[b] as number;
    const z = waz[b] as number;
    while (head < tail && age - (ages[window[head] as number] as number) > FALTERING_MAX_GAP_DAYS)
      head += 1;
    if (head < tail && (waz[window[head] as number] as number) - z > FALTERING_DROP_ABOVE_Z)
      return true;
    while (head < tail && (waz[window[tail - 1] as number] as number) <= z) tail -= 1;
    window[tail] = b;
    tail += 1;
  }
  return false;
}

function growScratch(scratch: Scratch, visits: number): void {
  const length = visits * 2;
  scratch.ages = new Float64Array(length);
  scratch.waz = new Float64Array(length);
  scratch.window = new Int32Array(length);
}
