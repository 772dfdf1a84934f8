/**
 * The header row of the long CSV format: which column holds what. Columns
 * may come in any order and extra columns are ignored, so sites can export
 * straight from their warehouse without reshaping.
 */
import { CentileError } from '../../benchmark/errors.js';

/** Required columns, as named in the header (case-insensitive). */
export const REQUIRED_COLUMNS = [
  'child_id',
  'sex',
  'birth_date',
  'measurement_date',
  'kind',
  'value',
  'unit',
] as const;

/** Optional columns; absent means every row leaves them empty. */
export const OPTIONAL_COLUMNS = ['gestational_age_weeks', 'estimated'] as const;

/** A documented column name. */
export type CsvColumn = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/** Field index of each documented column; optional ones may be absent. */
export interface CsvColumns {
  readonly index: Readonly<Record<(typeof REQUIRED_COLUMNS)[number], number>> &
    Readonly<Partial<Record<(typeof OPTIONAL_COLUMNS)[number], number>>>;
  /** Fields in the header; every data row must have exactly this many. */
  readonly count: number;
}

/**
 * Maps header fields to columns. Names are trimmed and compared
 * case-insensitively; a leading UTF-8 byte order mark is ignored.
 * @throws CentileError `CSV_HEADER_INVALID` when a required column is missing or a column repeats.
 */
export function parseCsvHeader(fields: readonly string[]): CsvColumns {
  const found = new Map<string, number>();
  fields.forEach((raw, i) => {
    const name = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim().toLowerCase();
    if (!isDocumented(name)) return;
    if (found.has(name)) throw headerInvalid(`column ${name} appears twice`);
    found.set(name, i);
  });
  const missing = REQUIRED_COLUMNS.filter((name) => !found.has(name));
  if (missing.length > 0) throw headerInvalid(`missing required column(s): ${missing.join(', ')}`);
  return {
    index: Object.freeze(Object.fromEntries(found)) as CsvColumns['index'],
    count: fields.length,
  };
}

/** The error for a header that cannot be used (also: no header at all). */
export function headerInvalid(message: string): CentileError {
  return new CentileError('invalid-input', 'CSV_HEADER_INVALID', message);
}

function isDocumented(name: string): name is CsvColumn {
  return (
    (REQUIRED_COLUMNS as readonly string[]).includes(name) ||
    (OPTIONAL_COLUMNS as readonly string[]).includes(name)
  );
}
