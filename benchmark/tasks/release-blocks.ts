/**
 * Small-cell suppression of a release (privacy.md §8 policies): a site sets
 * a minimum cell size, and every block of a release — one output's
 * histograms within one released group — whose noisy count falls below it
 * is zeroed and listed as suppressed. It reads only noisy counts, so it is
 * post-processing and costs no privacy; it keeps small noisy groups out of
 * reports, where they would look more certain than they are.
 */
import type { TaskDefinition } from './task-definition.js';
import { outputColumns } from './task-definition.js';
import { subgroupGroups } from './subgroups.js';
import { classSlot, targetSlots } from './task-release.js';

/** One output's cells within one released group. */
export interface ReleaseBlock {
  readonly group: number;
  readonly output: number;
  readonly start: number;
  readonly length: number;
  /** The first `counted` cells count each of the block's examples once. */
  readonly counted: number;
}

/** Every block of `task`'s release; block `group × outputs + output` at that index. */
export function releaseBlocks(task: TaskDefinition): ReleaseBlock[] {
  const outputs = outputColumns(task).length;
  return subgroupGroups(task.subgroups).flatMap((_, group) =>
    Array.from({ length: outputs }, (_unused, output) => blockOf(task, group, output)),
  );
}

function blockOf(task: TaskDefinition, group: number, output: number): ReleaseBlock {
  if (task.kind === 'binary') {
    // The negative and positive histograms are adjacent; together they count every example once.
    const { start, length } = classSlot(task, group, output, false);
    return { group, output, start, length: 2 * length, counted: 2 * length };
  }
  const { error, ape } = targetSlots(task, group, output);
  const length = error.length + (ape?.length ?? 0);
  return { group, output, start: error.start, length, counted: error.length };
}

/** A release vector after suppression, and the indices of the blocks it zeroed. */
export interface SuppressedCells {
  readonly cells: number[];
  readonly suppressed: number[];
}

/** Zeroes every block whose noisy count is below `minCellSize`. */
export function suppressSmallBlocks(
  task: TaskDefinition,
  noisy: readonly number[],
  minCellSize: number,
): SuppressedCells {
  const cells = [...noisy];
  const suppressed: number[] = [];
  releaseBlocks(task).forEach((block, index) => {
    if (blockCount(noisy, block) >= minCellSize) return;
    cells.fill(0, block.start, block.start + block.length);
    suppressed.push(index);
  });
  return { cells, suppressed };
}

function blockCount(cells: readonly number[], block: ReleaseBlock): number {
  let count = 0;
  for (let i = block.start; i < block.start + block.counted; i += 1) count += cells[i] as number;
  return count;
}

/** "all/stunting", "sex=female/stunting": how reports name a block. */
export function blockName(task: TaskDefinition, index: number): string {
  const block = releaseBlocks(task)[index];
  if (block === undefined) throw new RangeError('no such release block');
  const { dimension, level } = subgroupGroups(task.subgroups)[block.group] ?? {};
  const group = dimension === undefined ? 'all' : `${dimension}=${level ?? ''}`;
  return `${group}/${outputColumns(task)[block.output]?.name ?? ''}`;
}
