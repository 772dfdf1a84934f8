/**
 * Per-cell totals of a grouped metric pass, and their fold into groups.
 *
 * A pass over a million examples adds each example once, to its cell; the
 * groups (4 per example for a task's subgroups) are sums of cells, formed at
 * the end from a few dozen cells. Counts are integers, exact in any order.
 * Sums of floats are compensated (Neumaier) within each cell in row order,
 * then the cells' running parts and lost bits are added into their groups
 * with a compensated sum again. Adding each example to every one of its
 * groups instead costs 4× the compensated additions, the bulk of the pass.
 *
 * Accuracy: either way the total is the exact sum up to an error of order
 * n·ε² of the sum, far below the final rounding, so both round to the same
 * double unless the exact sum lies within that error of a rounding boundary
 * (odds of about n·ε, 10⁻¹⁰ at a million examples). The per-group
 * reference (brierScore, regressionMetrics, …) and this fold are tested
 * equal to the last bit on random data.
 */
import { addCompensatedSum, createCompensatedSums } from './compensated-sum.js';
import type { GroupMembership } from './group-membership.js';

/** Per unit (cell or group): `countWidth` counts and `sumWidth` compensated sums. */
export interface UnitTotals {
  readonly countWidth: number;
  readonly counts: Float64Array;
  readonly sumWidth: number;
  /** A bank of compensated sums (see `createCompensatedSums`), `sumWidth` per unit. */
  readonly sums: Float64Array;
}

/** Zero totals for `units` units. */
export function createUnitTotals(units: number, countWidth: number, sumWidth: number): UnitTotals {
  return {
    countWidth,
    counts: new Float64Array(units * countWidth),
    sumWidth,
    sums: createCompensatedSums(units * sumWidth),
  };
}

/** Each group's totals from the totals of its cells (cells in ascending order). */
export function foldIntoGroups(cells: UnitTotals, membership: GroupMembership): UnitTotals {
  const { countWidth, sumWidth } = cells;
  const { cellGroups, groupsPerCell, groupCount } = membership;
  const groups = createUnitTotals(groupCount, countWidth, sumWidth);
  cellGroups.forEach((group, k) => {
    const cell = Math.floor(k / groupsPerCell);
    for (let j = 0; j < countWidth; j++) {
      const at = group * countWidth + j;
      groups.counts[at] =
        (groups.counts[at] as number) + (cells.counts[cell * countWidth + j] as number);
    }
    for (let j = 0; j < sumWidth; j++) {
      addCompensatedSum(groups.sums, group * sumWidth + j, cells.sums, cell * sumWidth + j);
    }
  });
  return groups;
}
