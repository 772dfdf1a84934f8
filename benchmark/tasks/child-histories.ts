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

/** Every child with at least one measured visit, in child order. */
export function childHistories(cohort: Cohort): ChildHistory[] {
  const perChild = visitsByChild(cohort);
  const { sex, gestationalAgeDays } = cohort.children;
  const histories: ChildHistory[] = [];
  perChild.forEach((days, child) => {
    histories.push({
      sex: sex[child] === 2 ? 2 : 1,
      gestationalAgeDays: gestationalAgeDays[child] ?? Number.NaN,
      visits: [...days.values()].sort((a, b) => a.ageDays - b.ageDays),
    });
  });
  return histories;
}

/** True when a visit has both a weight and a length or height. */
export function isComplete(visit: Visit): boolean {
  return !Number.isNaN(visit.weightKg) && !Number.isNaN(visit.statureCm);
}

function visitsByChild(cohort: Cohort): Map<number, Map<number, MutableVisit>> {
  const { child, ageDays, kind, value, estimated } = cohort.measurements;
  const perChild = new Map<number, Map<number, MutableVisit>>();
  for (let i = 0; i < child.length; i++) {
    if (estimated[i] === 1) continue;
    const c = child[i] as number;
    const day = ageDays[i] as number;
    let days = perChild.get(c);
    if (days === undefined) perChild.set(c, (days = new Map<number, MutableVisit>()));
    let visit = days.get(day);
    if (visit === undefined) days.set(day, (visit = emptyVisit(day)));
    applyMeasurement(visit, kind[i] as MeasurementKind, value[i] as number);
  }
  return new Map([...perChild.entries()].sort(([a], [b]) => a - b));
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
