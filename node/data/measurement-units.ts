/**
 * Measurement kinds and units of the long CSV format, converted to the
 * cohort's SI units (kg, cm, kg/m²) with exact definitions (1 lb =
 * 0.45359237 kg and 1 in = 2.54 cm, both exact by the 1959 international
 * yard and pound agreement), and the plausibility ranges values must fall in.
 */
import { MeasurementKind } from '../../benchmark/cohort.js';
import { decimalToNumber, multiplyDecimal, parseDecimal } from './decimal.js';
import type { Decimal } from './decimal.js';

/** Kind names as written in the `kind` column (lowercase). */
export const KIND_NAMES: Readonly<Record<string, MeasurementKind>> = {
  weight: MeasurementKind.weight,
  length: MeasurementKind.length,
  height: MeasurementKind.height,
  head_circumference: MeasurementKind.headCircumference,
  bmi: MeasurementKind.bmi,
};

/** Exact SI factor per unit, as decimal text (by definition, not measurement). */
const MASS: Readonly<Record<string, string>> = {
  kg: '1',
  g: '0.001',
  lb: '0.45359237',
  oz: '0.028349523125',
};
const LENGTH: Readonly<Record<string, string>> = { cm: '1', mm: '0.1', m: '100', in: '2.54' };
const BMI: Readonly<Record<string, string>> = { 'kg/m2': '1', 'kg/m^2': '1', 'kg/m²': '1' };

const UNITS: Readonly<Record<MeasurementKind, Readonly<Record<string, string>>>> = {
  [MeasurementKind.weight]: MASS,
  [MeasurementKind.length]: LENGTH,
  [MeasurementKind.height]: LENGTH,
  [MeasurementKind.headCircumference]: LENGTH,
  [MeasurementKind.bmi]: BMI,
};

/**
 * Plausible SI values per kind, inclusive. Wide on purpose: they catch unit
 * mix-ups and typos (a weight in grams labelled kg), not clinical outliers,
 * which the growth references flag later.
 */
export const PLAUSIBLE_RANGE: Readonly<
  Record<MeasurementKind, readonly [min: number, max: number]>
> = {
  [MeasurementKind.weight]: [0.2, 250],
  [MeasurementKind.length]: [20, 250],
  [MeasurementKind.height]: [20, 250],
  [MeasurementKind.headCircumference]: [15, 70],
  [MeasurementKind.bmi]: [5, 100],
};

/** The kind named by `text` (case-insensitive), or undefined. */
export function parseKind(text: string): MeasurementKind | undefined {
  const name = text.toLowerCase();
  return Object.hasOwn(KIND_NAMES, name) ? KIND_NAMES[name] : undefined;
}

/** True when `unit` (case-insensitive) is a unit of `kind`, or of any kind when `kind` is undefined. */
export function isKnownUnit(unit: string, kind: MeasurementKind | undefined): boolean {
  const tables = kind === undefined ? Object.values(UNITS) : [UNITS[kind]];
  return tables.some((table) => Object.hasOwn(table, unit.toLowerCase()));
}

/**
 * `value` in `unit` converted to the SI unit of `kind`, exactly and rounded
 * once; undefined for a unit `kind` does not have.
 */
export function toSiValue(kind: MeasurementKind, value: Decimal, unit: string): number | undefined {
  const table = UNITS[kind];
  const key = unit.toLowerCase();
  const factor = Object.hasOwn(table, key) ? parseDecimal(table[key] ?? '') : undefined;
  return factor === undefined ? undefined : decimalToNumber(multiplyDecimal(value, factor));
}

/** True when an SI value of `kind` lies within `PLAUSIBLE_RANGE`. */
export function isPlausible(kind: MeasurementKind, siValue: number): boolean {
  const [min, max] = PLAUSIBLE_RANGE[kind];
  return siValue >= min && siValue <= max;
}
