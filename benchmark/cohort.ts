/**
 * The canonical cohort every data adapter produces and every task reads:
 * columnar typed arrays (one entry per child, one per measurement), never an
 * object per row, so a million-child cohort stays small and fast to scan.
 */

/** Sex as the growth references code it: 1 male, 2 female. */
export type Sex = 1 | 2;

/** What a measurement measures. Length is recumbent, height is standing. */
export const MeasurementKind = {
  weight: 0,
  length: 1,
  height: 2,
  headCircumference: 3,
  bmi: 4,
} as const;
export type MeasurementKind = (typeof MeasurementKind)[keyof typeof MeasurementKind];

/** Units of `Measurements.value` by kind: kg, cm, cm, cm, kg/m². */
export const SI_UNIT: Record<MeasurementKind, string> = ['kg', 'cm', 'cm', 'cm', 'kg/m2'];

/** Children, index-aligned. */
export interface Children {
  /** Site-local identifiers: never leave the node. */
  readonly ids: readonly string[];
  readonly sex: Uint8Array;
  /** Birth date as days since 1970-01-01 (UTC). */
  readonly birthDay: Int32Array;
  /** Gestational age at birth in days; NaN when unknown. */
  readonly gestationalAgeDays: Float32Array;
}

/** Measurements, index-aligned, in no particular order. */
export interface Measurements {
  /** Index into `Children`. */
  readonly child: Uint32Array;
  /** Age at measurement in whole days (measurement day − birth day). */
  readonly ageDays: Int32Array;
  readonly kind: Uint8Array;
  /** Value in SI units (see `SI_UNIT`). */
  readonly value: Float64Array;
  /** 1 when the value was estimated or stated rather than measured. */
  readonly estimated: Uint8Array;
}

export interface Cohort {
  readonly children: Children;
  readonly measurements: Measurements;
}

/** Number of children in a cohort. */
export function childCount(cohort: Cohort): number {
  return cohort.children.ids.length;
}

/** Number of measurements in a cohort. */
export function measurementCount(cohort: Cohort): number {
  return cohort.measurements.child.length;
}
