import type { Cohort } from '../cohort.js';
import { MeasurementKind } from '../cohort.js';
import { createPrng } from './prng.js';

/** Units a Sim value may be recorded in. */
export const SimUnit = { kg: 0, g: 1, lb: 2, cm: 3, in: 4, kgPerM2: 5 } as const;
export type SimUnitCode = (typeof SimUnit)[keyof typeof SimUnit];

/** How each unit is spelt in the long CSV. */
export const SIM_UNIT_LABEL: Record<SimUnitCode, string> = ['kg', 'g', 'lb', 'cm', 'in', 'kg/m2'];

/** Exact definitions (international avoirdupois pound, international inch). */
export const KG_PER_LB = 0.45359237;
export const CM_PER_IN = 2.54;

/** The SI unit of a measurement kind. */
export function siUnit(kind: number): SimUnitCode {
  if (kind === MeasurementKind.weight) return SimUnit.kg;
  if (kind === MeasurementKind.bmi) return SimUnit.kgPerM2;
  return SimUnit.cm;
}

/**
 * Chooses, per measurement, the unit a clinic recorded it in: infant weights
 * often in grams, some weights in pounds and statures or heads in inches, as
 * in mixed US/European EHR exports. Deterministic in `seed`.
 */
export function pickUnits(cohort: Cohort, seed: string): Uint8Array {
  const { kind, value } = cohort.measurements;
  const rng = createPrng(seed);
  const units = new Uint8Array(kind.length);
  for (let i = 0; i < kind.length; i += 1) {
    const k = kind[i] ?? MeasurementKind.weight;
    const u = rng.uniform();
    let unit = siUnit(k);
    if (k === MeasurementKind.weight) {
      const infant = (value[i] ?? 0) < 10;
      if (infant && u < 0.25) unit = SimUnit.g;
      else if (u > (infant ? 0.9 : 0.88)) unit = SimUnit.lb;
    } else if (
      k !== MeasurementKind.bmi &&
      u < (k === MeasurementKind.headCircumference ? 0.1 : 0.12)
    ) {
      unit = SimUnit.in;
    }
    units[i] = unit;
  }
  return units;
}
