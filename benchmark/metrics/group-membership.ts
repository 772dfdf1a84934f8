/**
 * Which groups each example belongs to, in the form the grouped metrics walk
 * fastest: every example lies in one *cell*, and a cell belongs to a fixed
 * number of groups. The subgroups of a task are the example of this: 24 cells
 * (sex × age band × gestation), each in 4 of the 10 released groups (all
 * examples, its sex, its age band, its gestation). A report with one grouping
 * is the simplest case: cell = group, each in "all" and itself.
 */
import { CentileError } from '../errors.js';
import type { Grouping } from './group-rows.js';

/** Examples → cells → groups. */
export interface GroupMembership {
  /** Number of groups; group indices are below it. */
  readonly groupCount: number;
  /** Per example, its cell (below `cellGroups.length / groupsPerCell`). */
  readonly cellOf: Uint8Array | Uint16Array | Uint32Array;
  /** Groups of each cell, `groupsPerCell` per cell, distinct within a cell. */
  readonly cellGroups: Uint32Array;
  readonly groupsPerCell: number;
}

/**
 * Group 0 holds every example and group 1 + g the examples of `grouping`'s
 * group g; without a grouping, group 0 only. Checked where it is used
 * ({@link assertMembership}).
 */
export function membershipOfGrouping(rowCount: number, grouping?: Grouping): GroupMembership {
  if (grouping === undefined) {
    return {
      groupCount: 1,
      cellOf: new Uint8Array(rowCount),
      cellGroups: new Uint32Array(1),
      groupsPerCell: 1,
    };
  }
  const cells = grouping.names.length;
  const cellGroups = new Uint32Array(2 * cells);
  for (let cell = 0; cell < cells; cell++) cellGroups[2 * cell + 1] = 1 + cell;
  return { groupCount: 1 + cells, cellOf: grouping.groupOf, cellGroups, groupsPerCell: 2 };
}

/**
 * Checks one cell per example, every cell known, and each cell's groups in
 * range and distinct (a group listed twice would count its examples twice).
 * @throws CentileError `METRIC_INPUT_INVALID`.
 */
export function assertMembership(membership: GroupMembership, rowCount: number): void {
  const { cellOf, cellGroups, groupsPerCell, groupCount } = membership;
  if (cellOf.length !== rowCount) throw invalid('one group per example');
  const cells = cellGroups.length / groupsPerCell;
  // An indexed loop: `for…of` over a typed array was several times slower here.
  for (let i = 0; i < cellOf.length; i++) {
    if ((cellOf[i] as number) >= cells) throw invalid('a group index is out of range');
  }
  for (let cell = 0; cell < cells; cell++) {
    const groups = cellGroups.subarray(cell * groupsPerCell, (cell + 1) * groupsPerCell);
    if (groups.some((group) => group >= groupCount) || new Set(groups).size < groups.length) {
      throw invalid('a group index is out of range');
    }
  }
}

function invalid(message: string): CentileError {
  return new CentileError('invalid-input', 'METRIC_INPUT_INVALID', message);
}
