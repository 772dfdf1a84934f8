import type { Cohort } from '../../../../benchmark/cohort.js';
import { MeasurementKind } from '../../../../benchmark/cohort.js';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';

export type Label =
  'stunting' | 'wasting' | 'underweight' | 'overweight' | 'obesity' | 'microcephaly';

interface Visit {
  weightKg: number;
  statureCm: number;
  recumbent: boolean;
  headCm: number;
}

/** Each child's most recent day with a measured weight and a stature, as growth.status picks it. */
export function latestVisits(cohort: Cohort): Map<number, { ageDays: number; visit: Visit }> {
  const m = cohort.measurements;
  const days = new Map<string, Visit>();
  for (let i = 0; i < m.child.length; i += 1) {
    const key = `${m.child[i]}:${m.ageDays[i]}`;
    const visit = days.get(key) ?? { weightKg: NaN, statureCm: NaN, recumbent: false, headCm: NaN };
    const value = m.value[i] ?? NaN;
    const kind = m.kind[i];
    if (kind === MeasurementKind.weight && m.estimated[i] === 0) visit.weightKg = value;
    if (kind === MeasurementKind.length || kind === MeasurementKind.height) {
      visit.statureCm = value;
      visit.recumbent = kind === MeasurementKind.length;
    }
    if (kind === MeasurementKind.headCircumference) visit.headCm = value;
    days.set(key, visit);
  }
  const latest = new Map<number, { ageDays: number; visit: Visit }>();
  for (const [key, visit] of days) {
    if (Number.isNaN(visit.weightKg) || Number.isNaN(visit.statureCm)) continue;
    const [child = 0, ageDays = 0] = key.split(':').map(Number);
    const best = latest.get(child);
    if (best === undefined || ageDays > best.ageDays) latest.set(child, { ageDays, visit });
  }
  return latest;
}

/**
 * Prevalence of each growth.status label at the latest visit (WHO cut-offs:
 * stunting HAZ < −2; wasting WHZ < −2 under 5 y, BAZ < −2 after; underweight
 * WAZ < −2; overweight WHZ > 2 / BAZ > 1; obesity WHZ > 3 / BAZ > 2;
 * microcephaly HCZ < −2 under 5 y). Missing or flagged z leave a label out.
 */
export function statusPrevalence(cohort: Cohort): Record<Label, number> {
  const positives = new Map<Label, [number, number]>();
  const count = (label: Label, z: number, positive: (z: number) => boolean): void => {
    if (Number.isNaN(z)) return;
    const [p, n] = positives.get(label) ?? [0, 0];
    positives.set(label, [p + (positive(z) ? 1 : 0), n + 1]);
  };
  for (const [child, { ageDays, visit }] of latestVisits(cohort)) {
    const z = scoreWho({
      sex: cohort.children.sex[child] === 1 ? 1 : 2,
      ageDays,
      weightKg: visit.weightKg,
      statureCm: visit.statureCm,
      recumbent: visit.recumbent,
      headCircumferenceCm: visit.headCm,
    });
    const usable = (value: number, flagged: boolean): number => (flagged ? NaN : value);
    const underFive = ageDays <= 1826;
    const forStature = underFive ? usable(z.whz, z.flagged.whz) : usable(z.baz, z.flagged.baz);
    count('stunting', usable(z.haz, z.flagged.haz), (v) => v < -2);
    count('wasting', forStature, (v) => v < -2);
    count('underweight', usable(z.waz, z.flagged.waz), (v) => v < -2);
    count('overweight', forStature, (v) => v > (underFive ? 2 : 1));
    count('obesity', forStature, (v) => v > (underFive ? 3 : 2));
    count('microcephaly', underFive ? usable(z.hcz, z.flagged.hcz) : NaN, (v) => v < -2);
  }
  const share = (label: Label): number => {
    const [p, n] = positives.get(label) ?? [0, 0];
    return n === 0 ? NaN : p / n;
  };
  return {
    stunting: share('stunting'),
    wasting: share('wasting'),
    underweight: share('underweight'),
    overweight: share('overweight'),
    obesity: share('obesity'),
    microcephaly: share('microcephaly'),
  };
}
