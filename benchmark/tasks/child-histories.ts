/**
 * A cohort regrouped as each child's visits in age order: the shape every
 * task builds its examples from. A visit is one day of measured values;
 * estimated or stated values are left out, since they never define a label
 * or a target.
 */
import type { Cohort, Sex } from '../cohort.js';
import { MeasurementKind } from '../cohort.js';

/** One day's measured values; NaN where not measured that day. */
export interface Visit {
  readonly ageDays: number;
  readonly weightKg: number;
  readonly statureCm: number;
  /** True when `statureCm` is a recumbent length. */
  readonly recumbent: boolean;
  readonly headCm: number;
}

/** A child and its visits, oldest first. */
export interface ChildHistory {
  readonly sex: Sex;
  readonly gestationalAgeDays: number;
  readonly visits: readonly Visit[];
}

interface MutableVisit {
  ageDays: number;
  weightKg: number;
  statureCm: number;
  recumbent: boolean;
  headCm: number;
}

/**
 * Every child with at least one measured visit, in child order, built one
 * child at a time: a million-child cohort never holds all its visits as
 * objects at once. Iterate it again for a second pass; it is rebuilt the
 * same way.
 */
export function* childHistories(cohort: Cohort): Generator<ChildHistory> {
  const { starts, order } = measurementsByChildAndAge(cohort);
  const { sex, gestationalAgeDays } = cohort.children;
  for (let child = 0; child + 1 < starts.length; child += 1) {
    const visits = visitsOf(cohort, order, starts[child] as number, starts[child + 1] as number);
    if (visits.length === 0) continue;
    yield {
      sex: sex[child] === 2 ? 2 : 1,
      gestationalAgeDays: gestationalAgeDays[child] ?? Number.NaN,
      visits,
    };
  }
}

/** True when a visit has both a weight and a length or height. */
export function isComplete(visit: Visit): boolean {
  return !Number.isNaN(visit.weightKg) && !Number.isNaN(visit.statureCm);
}

/**
 * Measurement indices grouped by child (a counting sort: O(n), typed arrays
 * only), each child's in age order: child c owns `order[starts[c], starts[c+1])`.
 */
function measurementsByChildAndAge(cohort: Cohort): { starts: Uint32Array; order: Uint32Array } {
  const { child, ageDays } = cohort.measurements;
  const starts = new Uint32Array(cohort.children.ids.length + 1);
  for (const c of child) starts[c + 1] = (starts[c + 1] as number) + 1;
  for (let c = 1; c < starts.length; c += 1)
    starts[c] = (starts[c] as number) + (starts[c - 1] as number);
  const next = starts.slice(0, -1);
  const order = new Uint32Array(child.length);
  child.forEach((c, i) => {
    order[next[c] as number] = i;
    next[c] = (next[c] as number) + 1;
  });
  for (let c = 0; c + 1 < starts.length; c += 1) {
    sortByAge(order, starts[c] as number, starts[c + 1] as number, ageDays);
  }
  return { starts, order };
}

/** Insertion sort of `order[from, to)` by age, stable: a child has tens of measurements. */
function sortByAge(order: Uint32Array, from: number, to: number, ageDays: Int32Array): void {
  for (let i = from + 1; i < to; i += 1) {
    const item = order[i] as number;
    const age = ageDays[item] as number;
    let j = i - 1;
    while (j >= from && (ageDays[order[j] as number] as number) > age) {
      order[j + 1] = order[j] as number;
      j -= 1;
    }
    order[j + 1] = item;
  }
}

/** The measured visits of one child from its age-ordered measurements. */
function visitsOf(cohort: Cohort, order: Uint32Array, from: number, to: number): Visit[] {
  const { ageDays, kind, value, estimated } = cohort.measurements;
  const visits: MutableVisit[] = [];
  let visit: MutableVisit | undefined;
  for (let k = from; k < to; k += 1) {
    const i = order[k] as number;
    if (estimated[i] === 1) continue;
    const day = ageDays[i] as number;
    if (visit?.ageDays !== day) visits.push((visit = emptyVisit(day)));
    applyMeasurement(visit, kind[i] as MeasurementKind, value[i] as number);
  }
  return visits;
}

function emptyVisit(ageDays: number): MutableVisit {
  return { ageDays, weightKg: NaN, statureCm: NaN, recumbent: false, headCm: NaN };
}

function applyMeasurement(visit: MutableVisit, kind: MeasurementKind, value: number): void {
  switch (kind) {
    case MeasurementKind.weight:
      visit.weightKg = value;
      return;
    case MeasurementKind.length:
    case MeasurementKind.height:
      visit.statureCm = value;
      visit.recumbent = kind === MeasurementKind.length;
      return;
    case MeasurementKind.headCircumference:
      visit.headCm = value;
      return;
    case MeasurementKind.bmi:
      return;
  }
}
