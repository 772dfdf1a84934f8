/**
 * The columns of a `centile metrics` input file: the two value columns of
 * its kind and an optional `group`. Names are trimmed and case-insensitive,
 * columns come in any order and other columns are ignored, so the file a
 * model owner already has (with ids, dates, …) can be used as it is.
 */
import { CentileError } from '../../benchmark/errors.js';
import type { MetricsRowCode } from './metrics-input-error.js';

/** Which metrics a file is scored with. */
export type MetricsKind = 'binary' | 'regression';

/** One value column: its name and the code of a cell that is not acceptable (`undefined`: fine). */
export interface ValueColumn {
  readonly name: string;
  readonly check: (value: number) => MetricsRowCode | undefined;
}

/** The two value columns of each kind: [truth, model output]. */
export const VALUE_COLUMNS: Readonly<Record<MetricsKind, readonly [ValueColumn, ValueColumn]>> = {
  binary: [
    { name: 'label', check: (v) => (v === 0 || v === 1 ? undefined : 'LABEL_INVALID') },
    {
      name: 'score',
      // NaN (not a decimal) fails both comparisons; ±inf and other numbers are only out of range.
      check: (v) =>
        v >= 0 && v <= 1 ? undefined : Number.isNaN(v) ? 'SCORE_INVALID' : 'SCORE_OUT_OF_RANGE',
    },
  ],
  regression: [
    { name: 'target', check: (v) => (Number.isFinite(v) ? undefined : 'TARGET_INVALID') },
    { name: 'prediction', check: (v) => (Number.isFinite(v) ? undefined : 'PREDICTION_INVALID') },
  ],
};

/** The optional column naming each example's subgroup. */
export const GROUP_COLUMN = 'group';

/** Field indices of the columns used, and the header's field count. */
export interface MetricsColumns {
  readonly values: readonly [number, number];
  readonly group: number | undefined;
  readonly count: number;
}

/**
 * Maps header fields to the columns of `kind` (a leading byte order mark ignored).
 * @throws CentileError `CSV_HEADER_INVALID` when a value column is missing or a used column repeats.
 */
export function parseMetricsHeader(fields: readonly string[], kind: MetricsKind): MetricsColumns {
  const [truth, output] = VALUE_COLUMNS[kind];
  const wanted = [truth.name, output.name, GROUP_COLUMN];
  const index = new Map<string, number>();
  fields.forEach((raw, i) => {
    const name = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim().toLowerCase();
    if (!wanted.includes(name)) return;
    if (index.has(name)) throw headerInvalid(`column ${name} appears twice`);
    index.set(name, i);
  });
  const first = index.get(truth.name);
  const second = index.get(output.name);
  if (first === undefined || second === undefined) {
    throw headerInvalid(`the header must name the columns ${truth.name} and ${output.name}`);
  }
  return { values: [first, second], group: index.get(GROUP_COLUMN), count: fields.length };
}

/** The error for a header that cannot be used (also: a file with no header). */
export function headerInvalid(message: string): CentileError {
  return new CentileError('invalid-input', 'CSV_HEADER_INVALID', message);
}
