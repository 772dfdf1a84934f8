/**
 * One data row of the long CSV format → typed values in cohort units, or the
 * list of what is wrong with it. Every column is checked so one pass over a
 * report shows all the problems of a row, not just the first.
 */
import type { MeasurementKind, Sex } from '../../benchmark/cohort.js';
import type { ProblemReason } from './ingest-report.js';
import { decimalToNumber, parseDecimal } from './decimal.js';
import { isKnownUnit, isPlausible, parseKind, toSiValue } from './measurement-units.js';
import type { CsvColumn, CsvColumns } from './parse-csv-header.js';
import { parseIsoDay } from './parse-iso-day.js';
import { GESTATION_WEEKS_RANGE } from './gestation-rules.js';

/** A valid row. Days are since 1970-01-01; values in SI units. */
export interface CsvRow {
  readonly childId: string;
  readonly sex: Sex;
  readonly birthDay: number;
  /** Gestational age in weeks as written; NaN when empty or the column is absent. */
  readonly gestationalAgeWeeks: number;
  readonly measurementDay: number;
  readonly kind: MeasurementKind;
  readonly value: number;
  readonly estimated: boolean;
}

/** A problem in one column of a row. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: ProblemReason;
}

/** Outcome of parsing one row. */
export type CsvRowResult =
  | { readonly ok: true; readonly row: CsvRow }
  | { readonly ok: false; readonly problems: FieldProblem[] };

const SEX: Readonly<Record<string, Sex>> = { m: 1, '1': 1, f: 2, '2': 2 };
const BOOLEAN: Readonly<Record<string, boolean>> = {
  '0': false,
  false: false,
  '1': true,
  true: true,
};

/** Parses the data fields of one row (already split, see `parseCsvLine`). */
export function parseCsvRow(fields: readonly string[], columns: CsvColumns): CsvRowResult {
  const problems: FieldProblem[] = [];
  const read = (column: CsvColumn): string => {
    const index = columns.index[column];
    return index === undefined ? '' : (fields[index] ?? '').trim();
  };
  const required = <T>(
    column: CsvColumn,
    parse: (text: string) => T | undefined,
    bad: ProblemReason,
  ): T | undefined => {
    const text = read(column);
    const value = text === '' ? undefined : parse(text);
    if (value === undefined)
      problems.push({ field: column, reason: text === '' ? 'MISSING_VALUE' : bad });
    return value;
  };
  const childId = required('child_id', (text) => text, 'MISSING_VALUE');
  const sex = required('sex', (text) => lookup(SEX, text), 'BAD_SEX');
  const birthDay = required('birth_date', parseIsoDay, 'BAD_DATE');
  const gestationalAgeWeeks = parseGestation(read('gestational_age_weeks'), problems);
  const measurementDay = required('measurement_date', parseIsoDay, 'BAD_DATE');
  const kind = required('kind', parseKind, 'UNKNOWN_KIND');
  const rawValue = required('value', parseDecimal, 'BAD_NUMBER');
  const unit = required(
    'unit',
    (text) => (isKnownUnit(text, kind) ? text : undefined),
    'UNKNOWN_UNIT',
  );
  const estimated = parseEstimated(read('estimated'), problems);
  const value =
    kind === undefined || rawValue === undefined || unit === undefined
      ? undefined
      : toSiValue(kind, rawValue, unit);
  if (kind !== undefined && value !== undefined && !isPlausible(kind, value)) {
    problems.push({ field: 'value', reason: 'OUT_OF_RANGE' });
  }
  if (birthDay !== undefined && measurementDay !== undefined && measurementDay < birthDay) {
    problems.push({ field: 'measurement_date', reason: 'MEASURED_BEFORE_BIRTH' });
  }
  if (problems.length > 0) return { ok: false, problems };
  // Every value below was checked above; the assertions only inform the compiler.
  const row = {
    childId,
    sex,
    birthDay,
    gestationalAgeWeeks,
    measurementDay,
    kind,
    value,
    estimated,
  } as CsvRow;
  return { ok: true, row };
}

function parseGestation(text: string, problems: FieldProblem[]): number {
  if (text === '') return Number.NaN;
  const decimal = parseDecimal(text);
  const weeks = decimal === undefined ? undefined : decimalToNumber(decimal);
  if (weeks === undefined) {
    problems.push({ field: 'gestational_age_weeks', reason: 'BAD_NUMBER' });
  } else if (weeks < GESTATION_WEEKS_RANGE[0] || weeks > GESTATION_WEEKS_RANGE[1]) {
    problems.push({ field: 'gestational_age_weeks', reason: 'OUT_OF_RANGE' });
  }
  return weeks ?? Number.NaN;
}

function parseEstimated(text: string, problems: FieldProblem[]): boolean {
  if (text === '') return false; // unknown is treated as measured, the common case
  const flag = lookup(BOOLEAN, text);
  if (flag === undefined) problems.push({ field: 'estimated', reason: 'BAD_BOOLEAN' });
  return flag ?? false;
}

function lookup<T>(table: Readonly<Record<string, T>>, text: string): T | undefined {
  const key = text.toLowerCase();
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
