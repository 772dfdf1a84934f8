/**
 * Splitting examples by subgroup without copying more than once: a counting
 * sort of the row indices (O(n + groups)), then one gather per column.
 */
import { CentileError } from '../errors.js';

/** Examples' subgroups: `groupOf[i]` indexes `names`, which are distinct. */
export interface Grouping {
  readonly groupOf: Uint32Array;
  readonly names: readonly string[];
}

/** The typed columns metrics read. */
export type MetricColumn = Uint8Array | Float32Array | Float64Array;

/**
 * Row indices of each group, ascending within a group.
 * @throws CentileError `METRIC_INPUT_INVALID` when a row's group is not below `groupCount`.
 */
export function rowsByGroup(groupOf: Uint32Array, groupCount: number): Uint32Array[] {
  const sizes = new Uint32Array(groupCount);
  for (const group of groupOf) {
    if (group >= groupCount) {
      throw new CentileError(
        'invalid-input',
        'METRIC_INPUT_INVALID',
        'a group index is out of range',
      );
    }
    sizes[group] = (sizes[group] as number) + 1;
  }
  const rows = Array.from(sizes, (size) => new Uint32Array(size));
  const filled = new Uint32Array(groupCount);
  groupOf.forEach((group, row) => {
    (rows[group] as Uint32Array)[filled[group] as number] = row;
    filled[group] = (filled[group] as number) + 1;
  });
  return rows;
}

/** `values` at `rows`, in a new array of the same type. */
export function pickRows<T extends MetricColumn>(values: T, rows: Uint32Array): T {
  const picked = new (values.constructor as new (length: number) => T)(rows.length);
  rows.forEach((row, i) => {
    picked[i] = values[row] as number;
  });
  return picked;
}
