import { cdcBracket } from './cdc-table.js';
import type { CdcTable } from './cdc-table.js';
import type { Lms } from './lms.js';
import { roundHalfUp } from './lms.js';
import type { LmsColumns, LmsTable } from './lms-table.js';

/**
 * Writes L, M and S at `x` for `sex` (1 boys, 2 girls) into `out[0..2]` and
 * returns true, or returns false outside the table or for another sex.
 * Allocation-free, so batch scoring can run millions of rows per second;
 * `whoLms` and `cdcLms` are thin wrappers around the same code, so both
 * paths give identical numbers.
 */
export type LmsLookup = (sex: number, x: number, out: Float64Array) => boolean;

/** How x finds its row in a WHO table: by rounding (age in days) or by WHO's linear interpolation. */
export type WhoLookup = 'round' | 'interpolate';

/** The lookup's result as an `Lms` (allocates; for single values, not batches). */
export function lmsOf(lookup: LmsLookup, sex: number, x: number): Lms | undefined {
  const out = new Float64Array(3);
  if (!lookup(sex, x, out)) return undefined;
  return { l: out[0] ?? Number.NaN, m: out[1] ?? Number.NaN, s: out[2] ?? Number.NaN };
}

function columnsOf(bySex: readonly [LmsColumns, LmsColumns], sex: number): LmsColumns | undefined {
  return sex === 1 ? bySex[0] : sex === 2 ? bySex[1] : undefined;
}

/** The lookup of a parsed WHO table. */
export function whoTableLookup(table: LmsTable, lookup: WhoLookup): LmsLookup {
  return lookup === 'round' ? byRounding(table) : byWhoInterpolation(table);
}

/** Daily WHO tables: the row of the age in days rounded half up (anthro `round_up`). */
function byRounding(table: LmsTable): LmsLookup {
  const { x0, size, bySex } = table;
  return (sex, x, out) => {
    const columns = columnsOf(bySex, sex);
    const i = roundHalfUp(x) - x0;
    if (columns === undefined || !(i >= 0 && i < size)) return false;
    out[0] = columns.l[i] ?? Number.NaN;
    out[1] = columns.m[i] ?? Number.NaN;
    out[2] = columns.s[i] ?? Number.NaN;
    return true;
  };
}

/**
 * WHO's interpolation (anthro weight-for-length, anthroplus by month): the
 * lower row is x truncated to the grid, t = (x − lower)/step, and the upper
 * row is only needed when t > 0. Written with the same operations as the R
 * code (x·10 truncated, not x/0.1) so rows are chosen identically.
 */
function byWhoInterpolation(table: LmsTable): LmsLookup {
  const { x0, size, step, bySex } = table;
  const perUnit = Math.round(1 / step);
  const firstGrid = Math.round(x0 * perUnit);
  return (sex, x, out) => {
    const columns = columnsOf(bySex, sex);
    if (columns === undefined || !(x >= x0) || x === Number.POSITIVE_INFINITY) return false;
    const lowGrid = Math.trunc(x * perUnit);
    const t = (x - lowGrid / perUnit) / step;
    const i = lowGrid - firstGrid;
    if (!(i < size) || (t > 0 && i + 1 >= size)) return false;
    const j = t > 0 ? i + 1 : i;
    out[0] = between(columns.l, i, j, t);
    out[1] = between(columns.m, i, j, t);
    out[2] = between(columns.s, i, j, t);
    return true;
  };
}

/** low + t·(high − low), WHO's formula order; exactly `low` when i = j. */
function between(column: Float64Array, i: number, j: number, t: number): number {
  const low = column[i] ?? Number.NaN;
  return i === j ? low : low + t * ((column[j] ?? Number.NaN) - low);
}

/**
 * The lookup of a parsed CDC table, as CDC's SAS program interpolates: the
 * bracket [x1, x2] from `int(x + 0.5) − 0.5`, then
 * `l = l1 + (x − x1)·(l2 − l1)/(x2 − x1)` in that order of operations.
 */
export function cdcTableLookup(table: CdcTable): LmsLookup {
  return (sex, x, out) => {
    const columns = columnsOf(table.bySex, sex);
    const i = cdcBracket(table, x);
    if (columns === undefined || i < 0) return false;
    const x1 = table.x[i] ?? Number.NaN;
    const dx = x - x1;
    const width = (table.x[i + 1] ?? Number.NaN) - x1;
    out[0] = bracket(columns.l, i, dx, width);
    out[1] = bracket(columns.m, i, dx, width);
    out[2] = bracket(columns.s, i, dx, width);
    return true;
  };
}

function bracket(column: Float64Array, i: number, dx: number, width: number): number {
  const low = column[i] ?? Number.NaN;
  return low + (dx * ((column[i + 1] ?? Number.NaN) - low)) / width;
}
