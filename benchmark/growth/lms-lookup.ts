import { cdcBracket } from './cdc-table.js';
import type { CdcTable } from './cdc-table.js';
import type { Lms } from './lms.js';
import { roundHalfUp } from './lms.js';
import type { LmsColumns, LmsTable } from './lms-table.js';

/**
 * Writes L, M and S at `x` for `sex` (1 boys, 2 girls) into `out[0..2]` and
 * returns true, or returns false outside the table or for another sex.
 */
export type LmsLookup = (sex: number, x: number, out: Float64Array) => boolean;

/**
 * Fills `l[k]`, `m[k]`, `s[k]` (k = i − from) with the LMS of rows
 * from ≤ i < to, and `l[k]` with NaN where a row has none. One call per
 * chunk of rows keeps the per-row loop inside one function per kind of
 * table, so batch scoring stays fast whatever mix of indicators a process
 * scores.
 */
export type LmsFill = (
  sex: Uint8Array,
  x: Float64Array,
  from: number,
  to: number,
  l: Float64Array,
  m: Float64Array,
  s: Float64Array,
) => void;

/** A table's lookups: one row at a time, or a chunk of rows. Both give identical numbers. */
export interface TableLookup {
  readonly one: LmsLookup;
  readonly fill: LmsFill;
}

/** How x finds its row in a WHO table: by rounding (age in days) or by WHO's linear interpolation. */
export type WhoLookup = 'round' | 'interpolate';

/** Writes one row's LMS at index k of three columns; false when the row has none. */
type LmsAt = (
  sex: number,
  x: number,
  l: Float64Array,
  m: Float64Array,
  s: Float64Array,
  k: number,
) => boolean;

/** The lookup's result as an `Lms` (allocates; for single values, not batches). */
export function lmsOf(lookup: LmsLookup, sex: number, x: number): Lms | undefined {
  const out = new Float64Array(3);
  if (!lookup(sex, x, out)) return undefined;
  return { l: out[0] ?? Number.NaN, m: out[1] ?? Number.NaN, s: out[2] ?? Number.NaN };
}

/** The lookups of a parsed WHO table. */
export function whoTableLookup(table: LmsTable, lookup: WhoLookup): TableLookup {
  if (lookup === 'round') {
    return {
      one: oneOf((sex, x, l, m, s, k) => roundedAt(table, sex, x, l, m, s, k)),
      fill: (sex, x, from, to, l, m, s) => fillRounded(table, sex, x, from, to, l, m, s),
    };
  }
  return {
    one: oneOf((sex, x, l, m, s, k) => interpolatedAt(table, sex, x, l, m, s, k)),
    fill: (sex, x, from, to, l, m, s) => fillInterpolated(table, sex, x, from, to, l, m, s),
  };
}

/**
 * The lookups of a parsed CDC table, as CDC's SAS program interpolates: the
 * bracket [x1, x2] from `int(x + 0.5) − 0.5`, then
 * `l = l1 + (x − x1)·(l2 − l1)/(x2 − x1)` in that order of operations.
 */
export function cdcTableLookup(table: CdcTable): TableLookup {
  return {
    one: oneOf((sex, x, l, m, s, k) => cdcAt(table, sex, x, l, m, s, k)),
    fill: (sex, x, from, to, l, m, s) => fillCdc(table, sex, x, from, to, l, m, s),
  };
}

function oneOf(at: LmsAt): LmsLookup {
  const l = new Float64Array(1);
  const m = new Float64Array(1);
  const s = new Float64Array(1);
  return (sex, x, out) => {
    if (!at(sex, x, l, m, s, 0)) return false;
    out[0] = l[0] ?? Number.NaN;
    out[1] = m[0] ?? Number.NaN;
    out[2] = s[0] ?? Number.NaN;
    return true;
  };
}

function columnsOf(bySex: readonly [LmsColumns, LmsColumns], sex: number): LmsColumns | undefined {
  return sex === 1 ? bySex[0] : sex === 2 ? bySex[1] : undefined;
}

/** Daily WHO tables: the row of the age in days rounded half up (anthro `round_up`). */
function roundedAt(
  table: LmsTable,
  sex: number,
  x: number,
  l: Float64Array,
  m: Float64Array,
  s: Float64Array,
  k: number,
): boolean {
  const columns = columnsOf(table.bySex, sex);
  const i = roundHalfUp(x) - table.x0;
  if (columns === undefined || !(i >= 0 && i < table.size)) return false;
  l[k] = columns.l[i] ?? Number.NaN;
  m[k] = columns.m[i] ?? Number.NaN;
  s[k] = columns.s[i] ?? Number.NaN;
  return true;
}

/**
 * WHO's interpolation (anthro weight-for-length, anthroplus by month): the
 * lower row is x truncated to the grid, t = (x − lower)/step, and the upper
 * row is only needed when t > 0. Written with the same operations as the R
 * code (x·10 truncated, not x/0.1) so rows are chosen identically.
 */
function interpolatedAt(
  table: LmsTable,
  sex: number,
  x: number,
  l: Float64Array,
  m: Float64Array,
  s: Float64Array,
  k: number,
): boolean {
  const { x0, size, step } = table;
  const columns = columnsOf(table.bySex, sex);
  if (columns === undefined || !(x >= x0) || x === Number.POSITIVE_INFINITY) return false;
  const perUnit = Math.round(1 / step);
  const lowGrid = Math.trunc(x * perUnit);
  const t = (x - lowGrid / perUnit) / step;
  const i = lowGrid - Math.round(x0 * perUnit);
  if (!(i < size) || (t > 0 && i + 1 >= size)) return false;
  const j = t > 0 ? i + 1 : i;
  l[k] = between(columns.l, i, j, t);
  m[k] = between(columns.m, i, j, t);
  s[k] = between(columns.s, i, j, t);
  return true;
}

/** low + t·(high − low), WHO's formula order; exactly `low` when i = j. */
function between(column: Float64Array, i: number, j: number, t: number): number {
  const low = column[i] ?? Number.NaN;
  return i === j ? low : low + t * ((column[j] ?? Number.NaN) - low);
}

function cdcAt(
  table: CdcTable,
  sex: number,
  x: number,
  l: Float64Array,
  m: Float64Array,
  s: Float64Array,
  k: number,
): boolean {
  const columns = columnsOf(table.bySex, sex);
  const i = cdcBracket(table, x);
  if (columns === undefined || i < 0) return false;
  const x1 = table.x[i] ?? Number.NaN;
  const dx = x - x1;
  const width = (table.x[i + 1] ?? Number.NaN) - x1;
  l[k] = bracket(columns.l, i, dx, width);
  m[k] = bracket(columns.m, i, dx, width);
  s[k] = bracket(columns.s, i, dx, width);
  return true;
}

function bracket(column: Float64Array, i: number, dx: number, width: number): number {
  const low = column[i] ?? Number.NaN;
  return low + (dx * ((column[i + 1] ?? Number.NaN) - low)) / width;
}

// One fill loop per kind of table (not one generic loop taking `at`): each
// loop then calls a single function, which the compiler inlines.

function fillRounded(
  table: LmsTable,
  sex: Uint8Array,
  x: Float64Array,
  from: number,
  to: number,
  l: Float64Array,
  m: Float64Array,
  s: Float64Array,
): void {
  for (let i = from; i < to; i += 1) {
    const k = i - from;
    if (!roundedAt(table, sex[i] ?? 0, x[i] ?? Number.NaN, l, m, s, k)) l[k] = Number.NaN;
  }
}

function fillInterpolated(
  table: LmsTable,
  sex: Uint8Array,
  x: Float64Array,
  from: number,
  to: number,
  l: Float64Array,
  m: Float64Array,
  s: Float64Array,
): void {
  for (let i = from; i < to; i += 1) {
    const k = i - from;
    if (!interpolatedAt(table, sex[i] ?? 0, x[i] ?? Number.NaN, l, m, s, k)) l[k] = Number.NaN;
  }
}

function fillCdc(
  table: CdcTable,
  sex: Uint8Array,
  x: Float64Array,
  from: number,
  to: number,
  l: Float64Array,
  m: Float64Array,
  s: Float64Array,
): void {
  for (let i = from; i < to; i += 1) {
    const k = i - from;
    if (!cdcAt(table, sex[i] ?? 0, x[i] ?? Number.NaN, l, m, s, k)) l[k] = Number.NaN;
  }
}
