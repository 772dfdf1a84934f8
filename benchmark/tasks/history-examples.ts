/**
 * The input encoding of tasks whose model sees a child's earlier visits
 * (`growth.forecast`, `growth.obesity-risk`, `growth.faltering`): sex,
 * gestational age, then the last `HISTORY_VISITS` visits up to the example's
 * index visit, right-aligned so the index visit is always `visit_8`, then
 * the task's query columns. Still one example per child (the privacy unit).
 */
import type { Cohort } from '../cohort.js';
import type { WhoVisit } from '../growth/score-who.js';
import { childHistories } from './child-histories.js';
import type { ChildHistory, Visit } from './child-histories.js';
import { standardSubgroup } from './subgroups.js';
import type { TaskExamples, TensorColumn, WhoScorer } from './task-definition.js';

/** Visit slots of a history input: the index visit and up to 7 measured visits before it. */
export const HISTORY_VISITS = 8;
/** Columns before the visit slots: `sex`, `gestational_age_days`. */
const CHILD_COLUMNS = 2;

/** The fields of one visit slot, in column order; `{k}` is the slot number. */
const VISIT_FIELDS: readonly TensorColumn[] = [
  { name: 'age_days', description: 'age at visit {k} in whole days' },
  { name: 'weight_kg', description: 'weight in kg at visit {k}; NaN when not measured' },
  {
    name: 'stature_cm',
    description:
      'recumbent length or standing height in cm at visit {k}, as measured; NaN when not measured',
  },
  {
    name: 'head_circumference_cm',
    description: 'head circumference in cm at visit {k}; NaN when not measured',
  },
  {
    name: 'recumbent',
    description:
      'visit {k}: 1 when stature is a recumbent length, 0 standing height, NaN no stature',
  },
];

/** Columns per visit slot. */
export const VISIT_SLOT_WIDTH = VISIT_FIELDS.length;

/** The history columns, in order, before a task's query columns. */
export const HISTORY_FEATURES: readonly TensorColumn[] = Object.freeze([
  { name: 'sex', description: '1 male, 2 female' },
  {
    name: 'gestational_age_days',
    description: 'gestational age at birth in days; NaN when unknown',
  },
  ...Array.from({ length: HISTORY_VISITS }, (_, slot) => visitSlotColumns(slot + 1)).flat(),
]);

/** The full input columns of a history task: `HISTORY_FEATURES`, then `query`. */
export function historyFeatures(query: readonly TensorColumn[]): readonly TensorColumn[] {
  return Object.freeze([...HISTORY_FEATURES, ...query]);
}

/** The rule shared by every history task, as model owners read it. */
export const HISTORY_INPUT_RULE =
  'Input: sex, gestational age, then visit slots visit_1 … visit_8 holding the index visit and ' +
  'the up to 7 measured visits before it in age order, right-aligned: visit_8 is always the ' +
  'index visit; slots before the oldest shown visit are all NaN, and when a child has more ' +
  'visits the oldest are dropped. A visit is a day with a measured (not estimated) weight, ' +
  'length or height, or head circumference; values appear as measured, NaN where not.';

/** How a task chooses a child's one example. */
export interface HistoryExampleRule {
  /** Query columns after the visit slots (e.g. the age to forecast at). */
  readonly queryColumns: number;
  readonly outputs: number;
  /**
   * Returns the position in `child.visits` of the index visit (the last one
   * the model sees; a measured visit) or -1 when the child gives no example.
   * Before returning a position it writes `query` and `targets` (both
   * pre-filled with NaN, NaN = undefined target), which are reused scratch.
   */
  pick(child: ChildHistory, score: WhoScorer, query: Float64Array, targets: Float64Array): number;
}

/** True when a visit has a measured weight, stature or head circumference (a BMI-only day has none). */
export function isMeasured(visit: Visit): boolean {
  return !(
    Number.isNaN(visit.weightKg) &&
    Number.isNaN(visit.statureCm) &&
    Number.isNaN(visit.headCm)
  );
}

/** Position of the child's last measured visit before `beforeDays` (exclusive), or -1. */
export function lastMeasuredBefore(visits: readonly Visit[], beforeDays: number): number {
  for (let v = visits.length - 1; v >= 0; v -= 1) {
    const visit = visits[v] as Visit;
    if (visit.ageDays < beforeDays && isMeasured(visit)) return v;
  }
  return -1;
}

/** A visit as the WHO scorer takes it. */
export function toWhoVisit(sex: 1 | 2, visit: Visit): WhoVisit {
  const { ageDays, weightKg, statureCm, recumbent, headCm } = visit;
  return { sex, ageDays, weightKg, statureCm, recumbent, headCircumferenceCm: headCm };
}

/**
 * One example per child that `rule` picks, in child order. Two passes over
 * the histories (rebuilt one child at a time) keep a million-child cohort
 * cheap: the first picks, the second writes exactly-sized typed arrays.
 */
export function buildHistoryExamples(
  cohort: Cohort,
  score: WhoScorer,
  rule: HistoryExampleRule,
): TaskExamples {
  const picked = pickExamples(cohort, score, rule);
  const width = HISTORY_FEATURES.length + rule.queryColumns;
  const features = new Float32Array(picked.rows * width).fill(Number.NaN);
  const subgroups = new Uint8Array(picked.rows);
  let row = 0;
  let c = 0;
  // The second pass over the same (rebuilt) histories, in the same order.
  for (const child of childHistories(cohort)) {
    const at = picked.indexVisit[c++] as number;
    if (at < 0) continue;
    writeHistory(child, at, features, row * width);
    for (let q = 0; q < rule.queryColumns; q += 1) {
      features[row * width + HISTORY_FEATURES.length + q] = picked.query[
        row * rule.queryColumns + q
      ] as number;
    }
    subgroups[row] = subgroupOf(child, at);
    row += 1;
  }
  return { rows: picked.rows, features, targets: picked.targets, subgroups };
}

/** Subgroups are decided at the index visit, the last one the model sees. */
function subgroupOf(child: ChildHistory, at: number): number {
  const ageDays = (child.visits[at] as Visit).ageDays;
  return standardSubgroup({
    sex: child.sex,
    ageDays,
    gestationalAgeDays: child.gestationalAgeDays,
  });
}

interface Picked {
  readonly rows: number;
  /** Per child, its index visit's position or -1. */
  readonly indexVisit: Int32Array;
  /** rows × queryColumns. */
  readonly query: Float64Array;
  /** rows × outputs. */
  readonly targets: Float64Array;
}

function pickExamples(cohort: Cohort, score: WhoScorer, rule: HistoryExampleRule): Picked {
  const { queryColumns, outputs } = rule;
  // At most one example per child: sized for all, trimmed at the end.
  const most = cohort.children.ids.length;
  const indexVisit = new Int32Array(most);
  const query = new Float64Array(most * queryColumns);
  const targets = new Float64Array(most * outputs);
  const queryScratch = new Float64Array(queryColumns).fill(Number.NaN);
  const targetScratch = new Float64Array(outputs).fill(Number.NaN);
  let rows = 0;
  let c = 0;
  for (const child of childHistories(cohort)) {
    const at = rule.pick(child, score, queryScratch, targetScratch);
    indexVisit[c++] = at;
    const row = at < 0 ? -1 : rows++;
    drain(queryScratch, query, row);
    drain(targetScratch, targets, row);
  }
  return { rows, indexVisit, query, targets: targets.slice(0, rows * outputs) };
}

/**
 * Copies `scratch` into row `row` of `into` (none when -1) and refills it with
 * NaN. A loop, not `set`/`fill`: for a few values per child the native calls
 * cost more than the copy.
 */
function drain(scratch: Float64Array, into: Float64Array, row: number): void {
  const width = scratch.length;
  for (let i = 0; i < width; i += 1) {
    if (row >= 0) into[row * width + i] = scratch[i] as number;
    scratch[i] = Number.NaN;
  }
}

/** Writes sex, gestation and the visit slots; the index visit always fills the last slot. */
function writeHistory(
  child: ChildHistory,
  at: number,
  features: Float32Array,
  offset: number,
): void {
  features[offset] = child.sex;
  features[offset + 1] = child.gestationalAgeDays;
  let slot = HISTORY_VISITS - 1;
  for (let v = at; v >= 0 && slot >= 0; v -= 1) {
    const visit = child.visits[v] as Visit;
    if (v < at && !isMeasured(visit)) continue;
    writeVisit(visit, features, offset + CHILD_COLUMNS + slot * VISIT_SLOT_WIDTH);
    slot -= 1;
  }
}

function writeVisit(visit: Visit, features: Float32Array, offset: number): void {
  features[offset] = visit.ageDays;
  features[offset + 1] = visit.weightKg;
  features[offset + 2] = visit.statureCm;
  features[offset + 3] = visit.headCm;
  features[offset + 4] = Number.isNaN(visit.statureCm) ? Number.NaN : visit.recumbent ? 1 : 0;
}

function visitSlotColumns(k: number): TensorColumn[] {
  return VISIT_FIELDS.map(({ name, description }) => ({
    name: `visit_${String(k)}_${name}`,
    description: description.replace('{k}', String(k)),
  }));
}
