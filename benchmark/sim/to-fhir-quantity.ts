import type { SimUnitCode } from './sim-units.js';

/** A UCUM unit: `code` is the machine code (FHIR `valueQuantity.code`), `unit` the display text. */
export interface UcumUnit {
  readonly code: string;
  readonly unit: string;
}

/** UCUM spelling of each Sim unit; OMOP's `unit_source_value` uses the same codes. */
export const UCUM: Record<SimUnitCode, UcumUnit> = [
  { code: 'kg', unit: 'kg' },
  { code: 'g', unit: 'g' },
  { code: '[lb_av]', unit: 'lb' },
  { code: 'cm', unit: 'cm' },
  { code: '[in_i]', unit: 'in' },
  { code: 'kg/m2', unit: 'kg/m2' },
];
