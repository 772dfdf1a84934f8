import { CentileError } from '../errors.js';
import type { Lms } from './lms.js';

/** L, M and S columns of one sex, indexed by grid position. */
export interface LmsColumns {
  readonly l: Float64Array;
  readonly m: Float64Array;
  readonly s: Float64Array;
}

/**
 * An LMS reference on a regular grid x = x0 + i·step (i = 0 … size−1), one
 * column set per sex. Every WHO table is regular: days, months or 0.1 cm.
 */
export interface LmsTable {
  readonly x0: number;
  readonly step: number;
  readonly size: number;
  /** Index 0 = boys (sex 1), 1 = girls (sex 2). */
  readonly bySex: readonly [LmsColumns, LmsColumns];
}

/**
 * Parses a WHO tab-separated LMS file (`sex, x, l, m, s[, loh]`, header line
 * first) into typed arrays. The tables are committed code, so a malformed one
 * is a build defect: it throws `GROWTH_TABLE_INVALID` rather than returning
 * partial data.
 */
export function parseLmsTable(tsv: string, step: number): LmsTable {
  const rows = tsv
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t').slice(0, 5).map(Number));
  const boys = rows.filter((r) => r[0] === 1);
  const girls = rows.filter((r) => r[0] === 2);
  const x0 = boys[0]?.[1] ?? Number.NaN;
  if (
    boys.length === 0 ||
    boys.length !== girls.length ||
    boys.length + girls.length !== rows.length
  ) {
    throw invalidTable();
  }
  return {
    x0,
    step,
    size: boys.length,
    bySex: [toColumns(boys, x0, step), toColumns(girls, x0, step)],
  };
}

function toColumns(rows: number[][], x0: number, step: number): LmsColumns {
  const l = new Float64Array(rows.length);
  const m = new Float64Array(rows.length);
  const s = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    const [, x, li, mi, si] = row;
    // Rows must sit on the grid, or index arithmetic would silently pick a neighbour.
    if (x === undefined || Math.abs(x - (x0 + i * step)) > step * 1e-6) throw invalidTable();
    if (![li, mi, si].every((v) => v !== undefined && Number.isFinite(v))) throw invalidTable();
    l[i] = li ?? Number.NaN;
    m[i] = mi ?? Number.NaN;
    s[i] = si ?? Number.NaN;
  });
  return { l, m, s };
}

function invalidTable(): CentileError {
  return new CentileError(
    'internal',
    'GROWTH_TABLE_INVALID',
    'A growth reference table is malformed.',
  );
}

/** The row at grid index `i` for `sex`, or undefined outside the table. */
export function lmsAt(table: LmsTable, sex: number, i: number): Lms | undefined {
  const columns = sex === 1 ? table.bySex[0] : sex === 2 ? table.bySex[1] : undefined;
  if (columns === undefined || !Number.isInteger(i) || i < 0 || i >= table.size) return undefined;
  return {
    l: columns.l[i] ?? Number.NaN,
    m: columns.m[i] ?? Number.NaN,
    s: columns.s[i] ?? Number.NaN,
  };
}

/** Linear interpolation of L, M and S between two rows, `t` ∈ [0, 1) from `low` (WHO's formula order). */
export function interpolateLms(low: Lms, high: Lms, t: number): Lms {
  return {
    l: low.l + t * (high.l - low.l),
    m: low.m + t * (high.m - low.m),
    s: low.s + t * (high.s - low.s),
  };
}
