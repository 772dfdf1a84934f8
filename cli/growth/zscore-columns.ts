/**
 * The header of a `centile growth zscores` input file: columns in any
 * order, names case-insensitive, unknown columns ignored, so analysts can
 * run the export they already have.
 */
import { CentileError } from '../../benchmark/errors.js';

/** Columns that must be present (a row may still leave them empty). */
export const REQUIRED_ZSCORE_COLUMNS = ['id', 'reference', 'indicator', 'sex'] as const;

/** Columns that may be absent: absent means empty in every row. */
export const OPTIONAL_ZSCORE_COLUMNS = [
  'age_days',
  'age_months',
  'measure',
  'weight_kg',
  'lenhei_cm',
  'headc_cm',
  'armc_cm',
  'triskin_mm',
  'subskin_mm',
  'bmi',
] as const;

/** A documented input column. */
export type ZscoreColumn =
  (typeof REQUIRED_ZSCORE_COLUMNS)[number] | (typeof OPTIONAL_ZSCORE_COLUMNS)[number];

/** Field index of each documented column present, and the header's field count. */
export interface ZscoreColumns {
  readonly index: Readonly<Partial<Record<ZscoreColumn, number>>>;
  readonly count: number;
}

const DOCUMENTED: ReadonlySet<string> = new Set([
  ...REQUIRED_ZSCORE_COLUMNS,
  ...OPTIONAL_ZSCORE_COLUMNS,
]);

/**
 * Maps header fields to columns (trimmed, case-insensitive, a leading byte
 * order mark ignored).
 * @throws CentileError `CSV_HEADER_INVALID` when a required column is missing or one repeats.
 */
export function parseZscoreHeader(fields: readonly string[]): ZscoreColumns {
  const index: Partial<Record<ZscoreColumn, number>> = {};
  fields.forEach((raw, i) => {
    const name = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim().toLowerCase();
    if (!DOCUMENTED.has(name)) return;
    const column = name as ZscoreColumn;
    if (index[column] !== undefined) throw headerInvalid(`column ${column} appears twice`);
    index[column] = i;
  });
  const missing = REQUIRED_ZSCORE_COLUMNS.filter((name) => index[name] === undefined);
  if (missing.length > 0) throw headerInvalid(`missing required column(s): ${missing.join(', ')}`);
  return { index: Object.freeze(index), count: fields.length };
}

/** The error for a header that cannot be used (also: an empty file). */
export function headerInvalid(message: string): CentileError {
  return new CentileError('invalid-input', 'CSV_HEADER_INVALID', message);
}

/** The trimmed text of `column` in a row's fields; empty when the column is absent. */
export function fieldOf(
  fields: readonly string[],
  columns: ZscoreColumns,
  column: ZscoreColumn,
): string {
  const i = columns.index[column];
  return i === undefined ? '' : (fields[i] ?? '').trim();
}
