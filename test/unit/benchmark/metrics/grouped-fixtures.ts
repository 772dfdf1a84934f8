/**
 * Random grouped cases for the grouped metrics, and the straightforward
 * reference they are checked against: each group's rows picked out, in row
 * order, and given to the single-set metric functions.
 *
 * Cells are (a, b) with a in 0..2 and b in 0..1; groups: 0 all, 1–4 the
 * levels of a (level 3 has no cell: always empty), 5–6 the levels of b.
 * Every example of cell (2, ·) is negative, so group a=2 has one class.
 */
import type { GroupMembership } from '../../../../benchmark/metrics/group-membership.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';

export const GROUP_COUNT = 7;

/** The groups of cell `cell` = 2·a + b. */
function groupsOf(cell: number): number[] {
  return [0, 1 + Math.floor(cell / 2), 5 + (cell % 2)];
}

export function membershipOf(cellOf: Uint8Array): GroupMembership {
  return {
    groupCount: GROUP_COUNT,
    cellOf,
    cellGroups: Uint32Array.from([0, 1, 2, 3, 4, 5].flatMap(groupsOf)),
    groupsPerCell: 3,
  };
}

/** Rows of `group`, ascending. */
export function rowsOf(cellOf: Uint8Array, group: number): number[] {
  return [...cellOf.keys()].filter((row) => groupsOf(cellOf[row] as number).includes(group));
}

/** `values` at `rows`, in a new array of the same type. */
export function pick<T extends Uint8Array | Float32Array | Float64Array>(
  values: T,
  rows: number[],
): T {
  const picked = new (values.constructor as new (length: number) => T)(rows.length);
  rows.forEach((row, i) => (picked[i] = values[row] as number));
  return picked;
}

/**
 * A binary case of `n` rows: scores on a grid of `levels` steps (heavy ties
 * when few; k/levels is not a float32 for most k), some −0, labels that
 * depend on the score.
 */
export function binaryCase(seed: string, n: number, levels: number) {
  const rng = createPrng(seed);
  const cellOf = Uint8Array.from({ length: n }, () => rng.int(6));
  const labels = Uint8Array.from(cellOf, (cell) => (cell >= 4 ? 0 : rng.chance(0.3) ? 1 : 0));
  const scores = Float64Array.from(labels, (y) => {
    const score = Math.min(1, Math.round((rng.uniform() * 0.8 + y * 0.2) * levels) / levels);
    return score === 0 && rng.chance(0.5) ? -0 : score;
  });
  return { labels, scores, cellOf };
}

/** A regression case of `n` rows, with ties, zero targets and both signs of error. */
export function regressionCase(seed: string, n: number) {
  const rng = createPrng(seed);
  const cellOf = Uint8Array.from({ length: n }, () => rng.int(6));
  const targets = Float64Array.from(cellOf, () => (rng.chance(0.1) ? 0 : rng.normal() * 10));
  const predictions = Float64Array.from(targets, (t) => t + Math.round(rng.normal() * 8) / 4);
  return { targets, predictions, cellOf };
}
