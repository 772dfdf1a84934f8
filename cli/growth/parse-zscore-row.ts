/**
 * One data row of a `centile growth zscores` file → a measurement to score,
 * or the reason it cannot be scored. Only the columns the row's indicator
 * uses are checked, so an unrelated bad cell never refuses a good row.
 */
import type { GrowthIndicator } from '../../benchmark/growth/growth-indicators.js';
import {
  GROWTH_INDICATORS,
  findGrowthIndicator,
} from '../../benchmark/growth/growth-indicators.js';
import type { GrowthMeasurement } from '../../benchmark/growth/score-measurement.js';
import { DAYS_PER_MONTH } from '../../benchmark/growth/who-stature.js';
import { decimalToNumber, parseDecimal } from '../../node/data/decimal.js';
import type { ZscoreColumn, ZscoreColumns } from './zscore-columns.js';
import { fieldOf } from './zscore-columns.js';

/** A parsed row, or the stable code of its first problem. */
export type ZscoreRowResult =
  | { readonly ok: true; readonly id: string; readonly measurement: GrowthMeasurement }
  | { readonly ok: false; readonly id: string; readonly reason: string };

type NumberColumn = Exclude<ZscoreColumn, 'id' | 'reference' | 'indicator' | 'sex' | 'measure'>;
type Numbers = Record<NumberColumn, number>;

const SEX: Readonly<Record<string, number>> = { '1': 1, m: 1, '2': 2, f: 2 };
const MEASURE: Readonly<Record<string, 'l' | 'h'>> = { l: 'l', h: 'h' };

/**
 * Parses the fields of one row (already split by the CSV reader).
 * Reasons: REFERENCE_UNKNOWN, INDICATOR_UNKNOWN, SEX_MISSING, SEX_INVALID,
 * MEASURE_INVALID, `<COLUMN>_INVALID` for a cell that is not a finite
 * decimal number, AGE_CONFLICT when age_days and age_months disagree.
 */
export function parseZscoreRow(fields: readonly string[], columns: ZscoreColumns): ZscoreRowResult {
  const text = (column: ZscoreColumn): string => fieldOf(fields, columns, column);
  const id = text('id');
  const fail = (reason: string): ZscoreRowResult => ({ ok: false, id, reason });
  const reference = text('reference');
  const indicator = findGrowthIndicator(reference, text('indicator'));
  if (indicator === undefined) {
    return fail(isReference(reference) ? 'INDICATOR_UNKNOWN' : 'REFERENCE_UNKNOWN');
  }
  const sexText = text('sex').toLowerCase();
  const sex = SEX[sexText];
  if (sex === undefined) return fail(sexText === '' ? 'SEX_MISSING' : 'SEX_INVALID');
  const measureText = text('measure').toLowerCase();
  const measure = MEASURE[measureText];
  if (measure === undefined && measureText !== '' && usesMeasure(indicator)) {
    return fail('MEASURE_INVALID');
  }
  const numbers = parseNumbers(text, columnsUsed(indicator, text('bmi') === ''));
  if (typeof numbers === 'string') return fail(numbers);
  if (agesConflict(numbers.age_days, numbers.age_months, text('age_months'))) {
    return fail('AGE_CONFLICT');
  }
  return { ok: true, id, measurement: toMeasurement(indicator, sex, measure, numbers) };
}

function isReference(reference: string): boolean {
  return ['who2006', 'who2007', 'cdc2000', 'cdc2022ext'].includes(reference.toLowerCase());
}

/** Only WHO 2006 corrects stature by the measured position, so only its stature indicators read it. */
function usesMeasure(indicator: GrowthIndicator): boolean {
  const { reference, measurement, axis } = GROWTH_INDICATORS[indicator];
  const stature = measurement === 'lenheiCm' || measurement === 'bmi' || axis !== 'ageDays';
  return reference === 'WHO2006' && stature;
}

/** The numeric columns a row of this indicator reads. */
function columnsUsed(indicator: GrowthIndicator, bmiMissing: boolean): NumberColumn[] {
  const spec = GROWTH_INDICATORS[indicator];
  const byStature = spec.axis === 'lengthCm' || spec.axis === 'heightCm';
  // WHO 2006 weight-for-length/height still reads the age: it chooses the table.
  const ages: NumberColumn[] =
    byStature && spec.reference !== 'WHO2006' ? [] : ['age_days', 'age_months'];
  switch (spec.measurement) {
    case 'weightKg':
      return [...ages, 'weight_kg', ...(byStature ? (['lenhei_cm'] as const) : [])];
    case 'lenheiCm':
      return [...ages, 'lenhei_cm'];
    case 'bmi':
      return [...ages, 'bmi', ...(bmiMissing ? (['weight_kg', 'lenhei_cm'] as const) : [])];
    case 'headcCm':
      return [...ages, 'headc_cm'];
    case 'armcCm':
      return [...ages, 'armc_cm'];
    case 'triskinMm':
      return [...ages, 'triskin_mm'];
    case 'subskinMm':
      return [...ages, 'subskin_mm'];
  }
}

/** Every numeric column, NaN when empty or unused; a code when a used cell is not a number. */
function parseNumbers(
  text: (column: ZscoreColumn) => string,
  used: NumberColumn[],
): Numbers | string {
  const numbers: Numbers = {
    age_days: Number.NaN,
    age_months: Number.NaN,
    weight_kg: Number.NaN,
    lenhei_cm: Number.NaN,
    headc_cm: Number.NaN,
    armc_cm: Number.NaN,
    triskin_mm: Number.NaN,
    subskin_mm: Number.NaN,
    bmi: Number.NaN,
  };
  for (const column of used) {
    const cell = text(column);
    if (cell === '') continue;
    const decimal = parseDecimal(cell);
    const value = decimal === undefined ? Number.NaN : decimalToNumber(decimal);
    if (!Number.isFinite(value)) return `${column.toUpperCase()}_INVALID`;
    numbers[column] = value;
  }
  return numbers;
}

/**
 * Both ages given and further apart than their written precision allows:
 * half a unit of age_months' last decimal, plus half a day for rounded days.
 */
function agesConflict(days: number, months: number, monthsText: string): boolean {
  if (Number.isNaN(days) || Number.isNaN(months)) return false;
  const decimals = /\.(\d*)/.exec(monthsText)?.[1]?.length ?? 0;
  const slackDays = 0.5 * 10 ** -decimals * DAYS_PER_MONTH + 0.5;
  return Math.abs(days - months * DAYS_PER_MONTH) > slackDays;
}

function toMeasurement(
  indicator: GrowthIndicator,
  sex: number,
  measure: 'l' | 'h' | undefined,
  n: Numbers,
): GrowthMeasurement {
  return {
    indicator,
    sex,
    ageDays: n.age_days,
    ageMonths: n.age_months,
    measure,
    weightKg: n.weight_kg,
    lenheiCm: n.lenhei_cm,
    headcCm: n.headc_cm,
    armcCm: n.armc_cm,
    triskinMm: n.triskin_mm,
    subskinMm: n.subskin_mm,
    bmi: n.bmi,
  };
}
