import type { Cohort } from '../cohort.js';
import { MeasurementKind } from '../cohort.js';
import { CentileError } from '../errors.js';
import type { SimUnitCode } from './sim-units.js';
import { CM_PER_IN, KG_PER_LB, SimUnit, pickUnits, siUnit } from './sim-units.js';

/**
 * Which unit each value is written in, shared by the CSV, FHIR and OMOP
 * writers, so one Sim site reads the same in every format.
 */
export interface RecordedUnitsOptions {
  /** Record some values in g, lb or in (chosen deterministically from `seed`). */
  readonly unitMix?: boolean;
  /** Seed of the unit choice; defaults to `'units'`. */
  readonly seed?: string;
  /** Units already chosen (e.g. `SimSite.units`), index-aligned with the measurements; wins over `unitMix`. */
  readonly units?: Uint8Array;
}

/** Most decimals written per unit: finer than any scale or board, coarser than float noise. */
const DECIMALS: Record<SimUnitCode, number> = [3, 0, 2, 2, 2, 2];
const DAYS_PER_WEEK = 7;

/** Units that make sense for each `MeasurementKind` (mass, length, length, length, kg/m²). */
const ALLOWED: readonly (readonly SimUnitCode[])[] = [
  [SimUnit.kg, SimUnit.g, SimUnit.lb],
  [SimUnit.cm, SimUnit.in],
  [SimUnit.cm, SimUnit.in],
  [SimUnit.cm, SimUnit.in],
  [SimUnit.kgPerM2],
];

/**
 * The unit of every measurement: the given `units` (checked: one per
 * measurement, each fitting its kind), else a deterministic mix, else SI.
 * Throws `SIM_UNITS_MISMATCH` for units that do not fit.
 */
export function recordedUnits(cohort: Cohort, options: RecordedUnitsOptions): Uint8Array {
  const { kind } = cohort.measurements;
  if (options.units === undefined) {
    if (options.unitMix === true) return pickUnits(cohort, options.seed ?? 'units');
    return kind.map((k) => siUnit(k));
  }
  const { units } = options;
  const fits = (unit: number, i: number): boolean =>
    ALLOWED[kind[i] ?? MeasurementKind.weight]?.includes(unit as SimUnitCode) === true;
  if (units.length !== kind.length || !units.every(fits)) {
    throw new CentileError(
      'invalid-input',
      'SIM_UNITS_MISMATCH',
      'units must have one unit per measurement that fits its kind.',
    );
  }
  return units;
}

/**
 * An SI value (kg, cm, kg/m²) in the unit it is recorded in, rounded as the
 * long CSV writes it (1 lb = 0.45359237 kg, 1 in = 2.54 cm exactly). NaN stays NaN.
 */
export function recordedValue(valueSi: number, unit: SimUnitCode): number {
  if (!Number.isFinite(valueSi)) return Number.NaN;
  return Number(fromSi(valueSi, unit).toFixed(DECIMALS[unit]));
}

/**
 * A gestational age in days as the writers record it: weeks rounded to one
 * decimal, so the long CSV, FHIR and OMOP exports of one cohort read back to
 * the same days. NaN (not recorded) stays NaN.
 */
export function recordedGestationWeeks(days: number): number {
  if (!Number.isFinite(days)) return Number.NaN;
  return Number((days / DAYS_PER_WEEK).toFixed(1));
}

function fromSi(value: number, unit: SimUnitCode): number {
  switch (unit) {
    case SimUnit.g:
      return value * 1000;
    case SimUnit.lb:
      return value / KG_PER_LB;
    case SimUnit.in:
      return value / CM_PER_IN;
    case SimUnit.kg:
    case SimUnit.cm:
    case SimUnit.kgPerM2:
      return value;
  }
}
