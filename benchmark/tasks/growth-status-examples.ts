import type { Cohort } from '../cohort.js';
import { MeasurementKind } from '../cohort.js';
import type { WhoScores, WhoVisit } from '../growth/score-who.js';
import { STATUS_FEATURES, STATUS_LABELS } from './growth-status-contract.js';

/** Model inputs and reference labels for one cohort, one row per child with a usable visit. */
export interface StatusExamples {
  readonly rows: number;
  /** rows × 6 in `STATUS_FEATURES` order, NaN for missing. */
  readonly features: Float32Array;
  /** rows × 6 in `STATUS_LABELS` order: 1 positive, 0 negative, -1 undefined for this child. */
  readonly labels: Int8Array;
}

/** Last day of WHO 2006 (the anthro tables end at 1826 days); WHO 2007 from the day after. */
const UNDER_FIVE_LAST_DAY = 1826;

interface Visit {
  ageDays: number;
  weightKg: number;
  statureCm: number;
  recumbent: boolean;
  headCm: number;
}

/**
 * Builds `growth.status/v1` examples: for each child, the most recent day with
 * both a measured weight and a measured length or height. Estimated values
 * never define a label, so they are not used.
 */
export function buildStatusExamples(
  cohort: Cohort,
  score: (visit: WhoVisit) => WhoScores,
): StatusExamples {
  const visits = latestVisits(cohort);
  const width = STATUS_FEATURES.length;
  const features = new Float32Array(visits.length * width);
  const labels = new Int8Array(visits.length * STATUS_LABELS.length);
  visits.forEach(({ sex, visit }, row) => {
    features.set(
      [sex, visit.ageDays, visit.weightKg, visit.statureCm, visit.headCm, visit.recumbent ? 1 : 0],
      row * width,
    );
    const scores = score({
      sex,
      ageDays: visit.ageDays,
      weightKg: visit.weightKg,
      statureCm: visit.statureCm,
      recumbent: visit.recumbent,
      headCircumferenceCm: visit.headCm,
    });
    labels.set(statusLabels(visit.ageDays, scores), row * STATUS_LABELS.length);
  });
  return { rows: visits.length, features, labels };
}

/**
 * The six labels from WHO z-scores (DESIGN §7 and the spine issue):
 * stunting HAZ < −2; wasting WHZ < −2 under 5 y, thinness BAZ < −2 from 5 y;
 * underweight WAZ < −2 (WAZ exists to 10 y); overweight WHZ > 2 / BAZ > 1;
 * obesity WHZ > 3 / BAZ > 2; microcephaly HCZ < −2 (under 5 y, when measured).
 * A z that is missing or flagged implausible leaves its label undefined (-1).
 */
export function statusLabels(ageDays: number, z: WhoScores): number[] {
  const underFive = ageDays <= UNDER_FIVE_LAST_DAY;
  const weightForStature = underFive ? usable(z.whz, z.flagged.whz) : usable(z.baz, z.flagged.baz);
  const [overweightCut, obesityCut] = underFive ? [2, 3] : [1, 2];
  return [
    below(usable(z.haz, z.flagged.haz), -2),
    below(weightForStature, -2),
    below(usable(z.waz, z.flagged.waz), -2),
    above(weightForStature, overweightCut),
    above(weightForStature, obesityCut),
    underFive ? below(usable(z.hcz, z.flagged.hcz), -2) : -1,
  ];
}

function usable(z: number, flagged: boolean): number {
  return flagged ? Number.NaN : z;
}

function below(z: number, cut: number): number {
  return Number.isNaN(z) ? -1 : z < cut ? 1 : 0;
}

function above(z: number, cut: number): number {
  return Number.isNaN(z) ? -1 : z > cut ? 1 : 0;
}

/** Per child, the latest day holding a measured weight and stature. */
function latestVisits(cohort: Cohort): { sex: 1 | 2; visit: Visit }[] {
  const perChild = groupByChildAndDay(cohort);
  const result: { sex: 1 | 2; visit: Visit }[] = [];
  perChild.forEach((days, child) => {
    const complete = [...days.values()].filter(
      (v) => !Number.isNaN(v.weightKg) && !Number.isNaN(v.statureCm),
    );
    if (complete.length === 0) return;
    const latest = complete.reduce((a, b) => (b.ageDays > a.ageDays ? b : a));
    result.push({ sex: cohort.children.sex[child] === 2 ? 2 : 1, visit: latest });
  });
  return result;
}

function groupByChildAndDay(cohort: Cohort): Map<number, Map<number, Visit>> {
  const { child, ageDays, kind, value, estimated } = cohort.measurements;
  const perChild = new Map<number, Map<number, Visit>>();
  for (let i = 0; i < child.length; i++) {
    if (estimated[i] === 1) continue;
    const c = child[i] as number;
    const day = ageDays[i] as number;
    let days = perChild.get(c);
    if (days === undefined) perChild.set(c, (days = new Map<number, Visit>()));
    let visit = days.get(day);
    if (visit === undefined) days.set(day, (visit = emptyVisit(day)));
    applyMeasurement(visit, kind[i] as MeasurementKind, value[i] as number);
  }
  return perChild;
}

function emptyVisit(ageDays: number): Visit {
  return { ageDays, weightKg: NaN, statureCm: NaN, recumbent: false, headCm: NaN };
}

function applyMeasurement(visit: Visit, kind: MeasurementKind, value: number): void {
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
