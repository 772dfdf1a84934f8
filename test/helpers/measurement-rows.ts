import type { Cohort } from '../../benchmark/cohort.js';

/** A cohort's measurements as plain `[child id, age days, kind, value, estimated]` rows, for exact comparison. */
export function measurementRows(cohort: Cohort): Array<[string, number, number, number, number]> {
  const { children, measurements } = cohort;
  return Array.from(measurements.child, (child, i) => [
    children.ids[child] ?? '?',
    measurements.ageDays[i] ?? -1,
    measurements.kind[i] ?? -1,
    measurements.value[i] ?? Number.NaN,
    measurements.estimated[i] ?? -1,
  ]);
}
