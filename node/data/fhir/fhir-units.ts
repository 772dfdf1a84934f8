/**
 * `valueQuantity` → the cohort's units (kg, cm, kg/m², and days for
 * gestational age). The UCUM `code` decides; the free-text `unit` is read
 * only when there is no code, because a code is machine-made and text is
 * whatever a screen showed. An unknown unit is rejected, never guessed.
 *
 * Conversions multiply the written decimal by the exact factor (1 lb =
 * 0.45359237 kg, 1 [in_i] = 2.54 cm, both exact by definition) and round
 * once, as the CSV adapter does; JSON numbers are read back as the shortest
 * decimal that round-trips, which is the decimal the export wrote.
 */
import { decimalToNumber, multiplyDecimal, parseDecimal } from '../decimal.js';
import type { Decimal } from '../decimal.js';
import type { Quantity } from './fhir-codes.js';
import type { FieldProblem } from './fhir-ingest-report.js';

/** What a unit measures; each `Quantity` needs one. */
const Dimension = { mass: 0, length: 1, bmi: 2, time: 3 } as const;
type Dimension = (typeof Dimension)[keyof typeof Dimension];

const DIMENSION_OF: Record<Quantity, Dimension> = [
  Dimension.mass,
  Dimension.length,
  Dimension.length,
  Dimension.bmi,
  Dimension.time,
];

interface UnitDef {
  readonly dimension: Dimension;
  /** Exact decimal factor to the cohort unit; undefined when it is 1. */
  readonly factor: Decimal | undefined;
  /** The same factor as `digits × 10^exponent` in doubles, for the fast path. */
  readonly digits: number;
  readonly exponent: number;
  /** Divisor applied after the factor, for factors that are not decimals. */
  readonly divisor: number;
}

const unit = (dimension: Dimension, factor = '1', divisor = 1): UnitDef => {
  const exact = parseDecimal(factor);
  return {
    dimension,
    factor: factor === '1' ? undefined : exact,
    digits: Number(exact?.digits ?? 1n),
    exponent: exact?.exponent ?? 0,
    divisor,
  };
};

const KG = unit(Dimension.mass);
const G = unit(Dimension.mass, '0.001');
const LB = unit(Dimension.mass, '0.45359237');
const OZ = unit(Dimension.mass, '0.028349523125');
const CM = unit(Dimension.length);
const MM = unit(Dimension.length, '0.1');
const M = unit(Dimension.length, '100');
const IN = unit(Dimension.length, '2.54');
/** UCUM's US survey inch is 1/12 of 1200/3937 m = 10000/3937 cm (2 ppm more than [in_i]). */
const IN_US = unit(Dimension.length, '10000', 3937);
const KG_M2 = unit(Dimension.bmi);
const WEEK = unit(Dimension.time, '7');
const DAY = unit(Dimension.time);

/** `valueQuantity.code` values, case-sensitive as UCUM is (plus bare `lb`, `oz`, `in` seen in real feeds). */
const BY_CODE: ReadonlyMap<string, UnitDef> = new Map([
  ['kg', KG],
  ['g', G],
  ['[lb_av]', LB],
  ['lb', LB],
  ['[oz_av]', OZ],
  ['oz', OZ],
  ['cm', CM],
  ['mm', MM],
  ['m', M],
  ['[in_i]', IN],
  ['in', IN],
  ['[in_us]', IN_US],
  ['kg/m2', KG_M2],
  ['wk', WEEK],
  ['d', DAY],
]);

/** `valueQuantity.unit` text, compared lowercase and trimmed; used only without a code. */
const BY_TEXT: ReadonlyMap<string, UnitDef> = new Map([
  ['kg', KG],
  ['g', G],
  ['lb', LB],
  ['lbs', LB],
  ['oz', OZ],
  ['cm', CM],
  ['mm', MM],
  ['m', M],
  ['in', IN],
  ['kg/m2', KG_M2],
  ['kg/m^2', KG_M2],
  ['kg/m²', KG_M2],
  ['wk', WEEK],
  ['weeks', WEEK],
  ['d', DAY],
  ['days', DAY],
]);

const UNKNOWN_CODE: FieldProblem = Object.freeze({
  field: 'valueQuantity.code',
  reason: 'UNKNOWN_UNIT',
});
const UNKNOWN_TEXT: FieldProblem = Object.freeze({
  field: 'valueQuantity.unit',
  reason: 'UNKNOWN_UNIT',
});
const NO_UNIT: FieldProblem = Object.freeze({
  field: 'valueQuantity.code',
  reason: 'MISSING_VALUE',
});

/**
 * `value` with UCUM `code` (or, without a code, unit text `unitText`) in the
 * cohort unit of `quantity`; a problem when the unit is missing, unknown or
 * of another dimension (a weight in cm).
 */
export function toCohortUnit(
  quantity: Quantity,
  value: number,
  code: unknown,
  unitText: unknown,
): number | FieldProblem {
  let def: UnitDef | undefined;
  if (typeof code === 'string') {
    def = BY_CODE.get(code);
    if (def === undefined) return UNKNOWN_CODE;
  } else if (typeof unitText === 'string') {
    def = BY_TEXT.get(unitText.trim().toLowerCase());
    if (def === undefined) return UNKNOWN_TEXT;
  } else {
    return NO_UNIT;
  }
  if (def.dimension !== DIMENSION_OF[quantity])
    return typeof code === 'string' ? UNKNOWN_CODE : UNKNOWN_TEXT;
  return convert(value, def);
}

function convert(value: number, def: UnitDef): number {
  if (def.factor === undefined) return value; // the common case: already kg or cm
  const text = String(value); // the shortest decimal that round-trips: what the export wrote
  const fast = timesExactly(text, def.digits, def.exponent);
  if (!Number.isNaN(fast)) return fast / def.divisor;
  const written = parseDecimal(text);
  if (written === undefined) return Number.NaN; // unreachable for finite numbers
  return decimalToNumber(multiplyDecimal(written, def.factor)) / def.divisor;
}

/** More mantissa digits than this could pass 2^53, where integer doubles stop being exact. */
const MAX_DIGITS = 15;
/** 10^0 … 10^22 are exact doubles; 10^23 is not. */
const POWERS_OF_TEN = Float64Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * `text × digits × 10^exponent` rounded once, for `text` of the form
 * `[-]digits[.digits]`; NaN when the text has another form or the result
 * could differ from the exact decimal path. Exact because the mantissa and
 * its product with the factor stay integers below 2^53 and 10^k (k ≤ 22) is
 * an exact double, so the one multiplication or division is correctly
 * rounded, exactly as the decimal path's final string conversion is.
 */
function timesExactly(text: string, digits: number, exponent: number): number {
  const negative = text.charCodeAt(0) === 45;
  let mantissa = 0;
  let count = 0;
  let scale = -1; // digits after the point; -1 until a point is seen
  for (let i = negative ? 1 : 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 46 && scale === -1) scale = 0;
    else if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      count += 1;
      if (scale !== -1) scale += 1;
    } else return Number.NaN; // an exponent (1e-7, 1e+21): leave it to the exact path
  }
  const product = mantissa * digits;
  const power = exponent - Math.max(scale, 0);
  if (count > MAX_DIGITS || product > Number.MAX_SAFE_INTEGER || Math.abs(power) > 22) {
    return Number.NaN;
  }
  const scaled =
    power < 0 ? product / (POWERS_OF_TEN[-power] ?? 1) : product * (POWERS_OF_TEN[power] ?? 1);
  return negative ? -scaled : scaled;
}
