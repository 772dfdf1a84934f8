import { STATUS_LABELS, STATUS_SCORE_BINS } from './growth-status-contract.js';
import type { StatusLabel } from './growth-status-contract.js';

/**
 * The sufficient statistics `growth.status/v1` releases: a count of children
 * and, per label, a score histogram for each class over the public edges
 * k/20 plus one cell for invalid outputs (NaN, ±inf, outside [0, 1]).
 *
 * Layout of the flat vector: [children, then per label: negatives[21], positives[21]].
 * One child adds 1 to `children` and at most one cell per label, so adding or
 * removing a child changes at most 7 cells by 1: L1 = 7 and L2² = 7.
 */
export const STATUS_CELLS_PER_CLASS = STATUS_SCORE_BINS + 1;
export const STATUS_CELL_COUNT = 1 + STATUS_LABELS.length * 2 * STATUS_CELLS_PER_CLASS;
export const STATUS_L2_SENSITIVITY_SQUARED = BigInt(1 + STATUS_LABELS.length);

/** A label's histograms; index `STATUS_SCORE_BINS` holds invalid outputs. */
export interface ClassHistograms {
  readonly negative: readonly number[];
  readonly positive: readonly number[];
}

/** Decoded statistics (possibly noisy, so possibly negative). */
export interface StatusStatistics {
  readonly children: number;
  readonly labels: Readonly<Record<StatusLabel, ClassHistograms>>;
}

/** The public score bin of one model output. */
export function scoreBin(score: number): number {
  if (!(score >= 0 && score <= 1)) return STATUS_SCORE_BINS;
  return Math.min(Math.floor(score * STATUS_SCORE_BINS), STATUS_SCORE_BINS - 1);
}

/** Exact counts for `rows` examples: labels and scores are rows × 6. */
export function countStatusCells(rows: number, labels: Int8Array, scores: Float32Array): bigint[] {
  const cells = new Array<bigint>(STATUS_CELL_COUNT).fill(0n);
  cells[0] = BigInt(rows);
  const width = STATUS_LABELS.length;
  for (let row = 0; row < rows; row++) {
    for (let label = 0; label < width; label++) {
      const y = labels[row * width + label] as number;
      if (y !== 0 && y !== 1) continue;
      const index = cellIndex(label, y, scoreBin(scores[row * width + label] as number));
      cells[index] = (cells[index] as bigint) + 1n;
    }
  }
  return cells;
}

function cellIndex(label: number, positive: number, bin: number): number {
  return 1 + (label * 2 + positive) * STATUS_CELLS_PER_CLASS + bin;
}

/** Flat vector → named statistics. */
export function decodeStatusCells(cells: readonly number[]): StatusStatistics {
  if (cells.length !== STATUS_CELL_COUNT) throw new RangeError('wrong number of cells');
  const labels = {} as Record<StatusLabel, ClassHistograms>;
  STATUS_LABELS.forEach((name, label) => {
    const slice = (positive: number) =>
      cells.slice(
        cellIndex(label, positive, 0),
        cellIndex(label, positive, STATUS_CELLS_PER_CLASS),
      );
    labels[name] = { negative: slice(0), positive: slice(1) };
  });
  return { children: cells[0] as number, labels };
}

/** Cell-wise sum of several sites' vectors: pooling is addition (post-processing). */
export function sumCells(vectors: readonly (readonly number[])[]): number[] {
  const total = new Array<number>(STATUS_CELL_COUNT).fill(0);
  for (const vector of vectors) vector.forEach((v, i) => (total[i] = (total[i] as number) + v));
  return total;
}
