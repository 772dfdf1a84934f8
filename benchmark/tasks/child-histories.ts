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

/**
 * Every child with at least one measured visit, in child order, built one
 * child at a time: a million-child cohort never holds all its visits as
 * objects at once. Iterate it again for a second pass; it is rebuilt the
 * same way.
 */
export function* childHistories(cohort: Cohort): Generator<ChildHistory> {
  const index = indexByChildAndAge(cohort);
  const { sex, gestationalAgeDays } = cohort.children;
  for (let child = 0; child + 1 < index.starts.length; child += 1) {
    const visits = visitsOf(cohort, index, child);
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
 * Measurements grouped by child, each child's in age order (ties in cohort
 * order): child c owns positions `[starts[c], starts[c+1])`, and position k
 * holds measurement `order[k]`, or measurement k itself when `order` is
 * undefined because the cohort already lists them that way.
 */
export interface ChildIndex {
  readonly starts: Uint32Array;
  readonly order: Uint32Array | undefined;
}

/** The index of `cohort`: one check when it is already in order, else a counting sort. */
export function indexByChildAndAge(cohort: Cohort): ChildIndex {
  return indexIfOrdered(cohort) ?? sortByChildAndAge(cohort);
}

/**
 * The index without any sort when measurements are already in child and
 * age order (Sim cohorts are, and so are exports sorted by patient and
 * date); undefined at the first measurement out of order.
 */
function indexIfOrdered(cohort: Cohort): ChildIndex | undefined {
  const { child, ageDays } = cohort.measurements;
  const starts = new Uint32Array(cohort.children.ids.length + 1);
  let current = 0;
  let lastAge = -Infinity;
  for (let i = 0; i < child.length; i += 1) {
    const c = child[i] as number;
    const age = ageDays[i] as number;
    if (c !== current) {
      if (c < current) return undefined;
      starts.fill(i, current + 1, c + 1);
      current = c;
    } else if (age < lastAge) {
      return undefined;
    }
    lastAge = age;
  }
  starts.fill(child.length, current + 1);
  return { starts, order: undefined };
}

/** A counting sort by child (O(n), typed arrays only), then each child's few measurements by age. */
function sortByChildAndAge(cohort: Cohort): ChildIndex {
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

/** The measured visits of `child`, oldest first. */
function visitsOf(cohort: Cohort, { starts, order }: ChildIndex, child: number): Visit[] {
  const { ageDays, kind, value, estimated } = cohort.measurements;
  const visits: MutableVisit[] = [];
  let visit: MutableVisit | undefined;
  for (let k = starts[child] as number; k < (starts[child + 1] as number); k += 1) {
    const i = order === undefined ? k : (order[k] as number);
    if (estimated[i] === 1) continue;
    const day = ageDays[i] as number;
    if (visit?.ageDays !== day) visits.push((visit = emptyVisit(day)));
    applyMeasurement(visit, kind[i] as MeasurementKind, value[i] as number);
  }
  return visits;
}

/**
 * The most recent complete visit of `child` (what `visitsOf(...).findLast(isComplete)`
 * gives) written into `into`, or false when it has none. It walks back
 * from the child's last measurement, so it usually reads only the last
 * day's few values instead of building every visit.
 */
export function lastCompleteVisit(
  cohort: Cohort,
  { starts, order }: ChildIndex,
  child: number,
  into: MutableVisit,
): boolean {
  const { ageDays, kind, value, estimated } = cohort.measurements;
  const from = starts[child] as number;
  let day = Number.NaN;
  resetVisit(into, day);
  // Walking backwards, the first value of a kind seen on a day is the one a forward pass keeps.
  let seen = 0;
  for (let k = (starts[child + 1] as number) - 1; k >= from; k -= 1) {
    const i = order === undefined ? k : (order[k] as number);
    if (estimated[i] === 1) continue;
    const age = ageDays[i] as number;
    if (age !== day) {
      if (isComplete(into)) return true;
      resetVisit(into, (day = age));
      seen = 0;
    }
    const measured = kind[i] as MeasurementKind;
    const bit = 1 << (measured === MeasurementKind.height ? MeasurementKind.length : measured);
    if ((seen & bit) === 0) applyMeasurement(into, measured, value[i] as number);
    seen |= bit;
  }
  return isComplete(into);
}

/** A visit to fill in place (`lastCompleteVisit`). */
export type MutableVisit = { -readonly [K in keyof Visit]: Visit[K] };

function resetVisit(visit: MutableVisit, ageDays: number): void {
  visit.ageDays = ageDays;
  visit.weightKg = NaN;
  visit.statureCm = NaN;
  visit.recumbent = false;
  visit.headCm = NaN;
}

/** A visit on `ageDays` with nothing measured yet. */
export function emptyVisit(ageDays: number): MutableVisit {
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
