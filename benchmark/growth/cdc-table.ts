import { CentileError } from '../errors.js';
import type { LmsColumns } from './lms-table.js';

/**
 * A CDC 2000 chart as CDC's SAS program reads it from CDCref_d.csv: LMS at
 * half-point grid x0, then ⌊x0 + ½⌋ + ½, + 1½, … (0, 0.5, 1.5, … months;
 * 45, 45.5, 46.5, … cm), with a last point that may close the grid early
 * (240 months after 239.5). Between grid points L, M and S are linear.
 */
export interface CdcTable {
  /** Grid points, ascending. */
  readonly x: Float64Array;
  /** ⌊x0 + ½⌋: subtracted from ⌊x + ½⌋ to find the bracket. */
  readonly base: number;
  /** Index 0 = boys (sex 1), 1 = girls (sex 2). */
  readonly bySex: readonly [LmsColumns, LmsColumns];
}

/**
 * Parses a generated CDC table (`sex x l m s`, header line first, boys then
 * girls on the same grid). A malformed table is a build defect:
 * `GROWTH_TABLE_INVALID`.
 */
export function parseCdcTable(tsv: string): CdcTable {
  const rows = tsv
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t').map(Number));
  const boys = rows.filter((r) => r[0] === 1);
  const girls = rows.filter((r) => r[0] === 2);
  if (boys.length < 2 || boys.length !== girls.length || boys.length + girls.length !== rows.length)
    throw invalidTable();
  const x = Float64Array.from(boys, (r) => r[1] ?? Number.NaN);
  const base = Math.floor((x[0] ?? Number.NaN) + 0.5);
  assertHalfPointGrid(x, base);
  girls.forEach((r, i) => {
    if (r[1] !== x[i]) throw invalidTable();
  });
  return { x, base, bySex: [toColumns(boys), toColumns(girls)] };
}

/**
 * The SAS program finds the bracket by `_agecat = int(agemos + 0.5) − 0.5`
 * (and the first point below x0 + ½), so index arithmetic must land on the
 * same row: every inner point must be base + i − ½.
 */
function assertHalfPointGrid(x: Float64Array, base: number): void {
  for (let i = 1; i < x.length - 1; i += 1) {
    if (x[i] !== base + i - 0.5) throw invalidTable();
  }
  const last = x[x.length - 1] ?? Number.NaN;
  const beforeLast = x[x.length - 2] ?? Number.NaN;
  if (!(last > beforeLast && last <= beforeLast + 1)) throw invalidTable();
}

function toColumns(rows: number[][]): LmsColumns {
  const column = (k: number): Float64Array =>
    Float64Array.from(rows, (r) => {
      const v = r[k];
      if (v === undefined || !Number.isFinite(v)) throw invalidTable();
      return v;
    });
  return { l: column(2), m: column(3), s: column(4) };
}

function invalidTable(): CentileError {
  return new CentileError(
    'internal',
    'GROWTH_TABLE_INVALID',
    'A growth reference table is malformed.',
  );
}

/**
 * Index of the bracket [x[i], x[i+1]] that holds `x`, as the SAS program
 * chooses it, or −1 outside [x0, last point). The last point itself has no
 * bracket of its own, as in the SAS program (it scores agemos < 240).
 */
export function cdcBracket(table: CdcTable, x: number): number {
  const grid = table.x;
  if (!(x >= (grid[0] ?? Number.NaN) && x < (grid[grid.length - 1] ?? Number.NaN))) return -1;
  return Math.floor(x + 0.5) - table.base;
}
