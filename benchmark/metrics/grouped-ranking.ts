/**
 * AUROC and average precision of every group at once, from one sort of all
 * examples: the walk over the sorted scores, highest first, keeps per group
 * the counts the per-group walk of ranking-metrics.ts keeps, and closes each
 * block of tied scores in every group it touched. A group's terms are thus
 * the same numbers, added in the same order (its distinct scores, highest
 * first), as when the group is ranked alone: the results are bit-identical.
 */
import { addCompensated, compensatedTotal, createCompensatedSums } from './compensated-sum.js';
import type { GroupMembership } from './group-membership.js';
import type { RankingMetrics } from './ranking-metrics.js';
import { sortByScore } from './score-order.js';

/**
 * Per group, what the walk has seen. Counts are integers held in float64
 * (exact below 2⁵³); `twicePairs` is twice the concordant pairs plus the
 * tied ones, as in ranking-metrics.ts.
 */
interface WalkState {
  readonly positives: Float64Array;
  readonly negatives: Float64Array;
  readonly positivesSeen: Float64Array;
  readonly negativesSeen: Float64Array;
  readonly twicePairs: Float64Array;
  readonly precisionSums: Float64Array;
  /** The current block of ties: negatives and positives per group ([2g], [2g + 1]). */
  readonly tied: Float64Array;
  /** The groups the current block of ties touched, in order of first touch. */
  readonly touched: Uint32Array;
}

/**
 * Ranking metrics of each group of `membership` (see `rankingMetrics`), by
 * group index: `labels` 0/1 and `scores` in [0, 1], already checked.
 */
export function groupedRanking(
  labels: Uint8Array,
  scores: Float32Array | Float64Array,
  membership: GroupMembership,
): RankingMetrics[] {
  // The walk needs an example's label and cell, not its row: one payload carries both.
  const { cellOf } = membership;
  const payload = new Uint32Array(labels.length);
  const perCode = new Float64Array(2 * (membership.cellGroups.length / membership.groupsPerCell));
  for (let i = 0; i < labels.length; i++) {
    const code = ((cellOf[i] as number) << 1) | (labels[i] as number);
    payload[i] = code;
    perCode[code] = (perCode[code] as number) + 1;
  }
  const state = createWalkState(membership, perCode);
  const { keys, payload: sorted } = sortByScore(scores, payload);
  walkDown(state, membership, keys, sorted);
  return resultsOf(state);
}

/** Class totals per group from those per payload code (2·cell + label), and nothing seen yet. */
function createWalkState(membership: GroupMembership, perCode: Float64Array): WalkState {
  const { cellGroups, groupsPerCell, groupCount } = membership;
  const perGroup = () => new Float64Array(groupCount);
  const state = {
    positives: perGroup(),
    negatives: perGroup(),
    positivesSeen: perGroup(),
    negativesSeen: perGroup(),
    twicePairs: perGroup(),
    precisionSums: createCompensatedSums(groupCount),
    tied: new Float64Array(2 * groupCount),
    touched: new Uint32Array(groupCount),
  };
  cellGroups.forEach((group, k) => {
    const cell = Math.floor(k / groupsPerCell);
    state.negatives[group] = (state.negatives[group] as number) + (perCode[2 * cell] as number);
    state.positives[group] = (state.positives[group] as number) + (perCode[2 * cell + 1] as number);
  });
  return state;
}

/**
 * The walk, highest score first, one block of tied scores at a time. Most
 * blocks hold no positive: such a block adds no pair and no threshold (its
 * terms are +0), only negatives seen in each example's groups, counted
 * inline. A lone positive is closed at once in each of its groups; other
 * blocks go through `seeTies`.
 */
function walkDown(
  state: WalkState,
  membership: GroupMembership,
  keys: Uint32Array,
  payload: Uint32Array,
): void {
  const { cellGroups, groupsPerCell } = membership;
  const { negativesSeen } = state;
  let end = keys.length;
  while (end > 0) {
    const key = keys[end - 1];
    let start = end - 1;
    let positive = (payload[start] as number) & 1;
    while (start > 0 && keys[start - 1] === key) positive |= (payload[--start] as number) & 1;
    if (positive === 0) {
      for (let i = start; i < end; i++) {
        const first = ((payload[i] as number) >>> 1) * groupsPerCell;
        for (let k = first; k < first + groupsPerCell; k++) {
          const group = cellGroups[k] as number;
          negativesSeen[group] = (negativesSeen[group] as number) + 1;
        }
      }
    } else if (start === end - 1) {
      const first = ((payload[start] as number) >>> 1) * groupsPerCell;
      for (let k = first; k < first + groupsPerCell; k++) {
        closeBlock(state, cellGroups[k] as number, 1, 0);
      }
    } else {
      seeTies(state, membership, payload, start, end);
    }
    end = start;
  }
}

/**
 * A block of tied examples (`payload` from `start` to `end`): counted per
 * group, then closed in each group it touched. Tie blocks can be many (a
 * million float32 scores hold tens of thousands of pairs), so nothing here
 * allocates or visits an untouched group.
 */
function seeTies(
  state: WalkState,
  membership: GroupMembership,
  payload: Uint32Array,
  start: number,
  end: number,
): void {
  const { cellGroups, groupsPerCell } = membership;
  const { tied, touched } = state;
  let touchedCount = 0;
  for (let i = start; i < end; i++) {
    const code = payload[i] as number;
    const first = (code >>> 1) * groupsPerCell;
    for (let k = first; k < first + groupsPerCell; k++) {
      const group = cellGroups[k] as number;
      if ((tied[2 * group] as number) + (tied[2 * group + 1] as number) === 0) {
        touched[touchedCount++] = group;
      }
      const at = 2 * group + (code & 1);
      tied[at] = (tied[at] as number) + 1;
    }
  }
  for (let t = 0; t < touchedCount; t++) {
    const group = touched[t] as number;
    closeBlock(state, group, tied[2 * group + 1] as number, tied[2 * group] as number);
    tied[2 * group] = 0;
    tied[2 * group + 1] = 0;
  }
}

/**
 * Ends a block of tied scores in `group`, as ranking-metrics.ts ends one:
 * its positives outrank the negatives below and tie (half) with those in the
 * block; a block with a positive is one precision threshold.
 */
function closeBlock(
  state: WalkState,
  group: number,
  tiedPositives: number,
  tiedNegatives: number,
): void {
  const truePositives = (state.positivesSeen[group] as number) + tiedPositives;
  const falsePositives = (state.negativesSeen[group] as number) + tiedNegatives;
  state.positivesSeen[group] = truePositives;
  state.negativesSeen[group] = falsePositives;
  const negativesBelow = (state.negatives[group] as number) - falsePositives;
  state.twicePairs[group] =
    (state.twicePairs[group] as number) + tiedPositives * (2 * negativesBelow + tiedNegatives);
  if (tiedPositives > 0) {
    const precision = (tiedPositives * truePositives) / (truePositives + falsePositives);
    addCompensated(state.precisionSums, group, precision);
  }
}

function resultsOf(state: WalkState): RankingMetrics[] {
  return Array.from(state.positives, (positives, group) => {
    const negatives = state.negatives[group] as number;
    if (positives === 0 || negatives === 0) return { auroc: null, auprc: null };
    return {
      auroc: (state.twicePairs[group] as number) / (2 * positives * negatives),
      auprc: compensatedTotal(state.precisionSums, group) / positives,
    };
  });
}
