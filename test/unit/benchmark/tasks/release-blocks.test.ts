import assert from 'node:assert/strict';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import {
  blockName,
  releaseBlocks,
  suppressSmallBlocks,
} from '../../../../benchmark/tasks/release-blocks.js';
import { TASK_CATALOG } from '../../../../benchmark/tasks/task-catalog.js';
import { taskMetrics } from '../../../../benchmark/tasks/task-metrics.js';
import { releaseCellCount } from '../../../../benchmark/tasks/task-release.js';

describe('release blocks and small-cell suppression', () => {
  for (const task of TASK_CATALOG) {
    it(`${task.id}: the blocks cover every cell after the example count exactly once`, () => {
      const owner = new Array<number>(releaseCellCount(task)).fill(-1);
      releaseBlocks(task).forEach(({ start, length }, index) => {
        for (let i = start; i < start + length; i += 1) {
          assert.equal(owner[i], -1, `cell ${i} in two blocks`);
          owner[i] = index;
        }
      });
      assert.deepEqual(
        owner.flatMap((block, i) => (block === -1 ? [i] : [])),
        [0],
      );
    });
  }

  it('zeroes exactly the blocks whose noisy count is below the minimum, and names them', () => {
    const blocks = releaseBlocks(GROWTH_STATUS);
    const noisy = new Array<number>(releaseCellCount(GROWTH_STATUS)).fill(0);
    // Block 0 (all/stunting) counts 11 and stays; block 7 (sex=male/wasting) counts 10 and goes.
    const keep = blocks[0] as (typeof blocks)[number];
    const drop = blocks[7] as (typeof blocks)[number];
    noisy[keep.start] = 12;
    noisy[keep.start + 1] = -1;
    noisy[drop.start] = 10;
    const { cells, suppressed } = suppressSmallBlocks(GROWTH_STATUS, noisy, 11);
    assert.equal(cells[keep.start], 12);
    assert.equal(cells[drop.start], 0);
    assert.ok(!suppressed.includes(0) && suppressed.includes(7));
    assert.equal(blockName(GROWTH_STATUS, 7), 'sex=male/wasting');
    assert.equal(blockName(GROWTH_STATUS, 0), 'all/stunting');
  });

  it('leaves suppressed blocks out of the metrics and lists them', () => {
    const cells = new Array<number>(releaseCellCount(GROWTH_STATUS)).fill(5);
    const metrics = taskMetrics(GROWTH_STATUS, cells, [0, 7]);
    assert.equal(metrics.outputs.stunting, undefined);
    assert.notEqual(metrics.outputs.wasting, undefined);
    assert.equal(metrics.subgroups.sex?.male?.wasting, undefined);
    assert.deepEqual(metrics.suppressed, ['all/stunting', 'sex=male/wasting']);
  });

  it("reads each block's noise variance: a block mostly noise has no AUROC", () => {
    const cells = new Array<number>(releaseCellCount(GROWTH_STATUS)).fill(5);
    // 20 cells of 5 per class: a total of 100 against noise SD √(20·σ²).
    const variances = releaseBlocks(GROWTH_STATUS).map((_, block) => (block === 1 ? 200 : 20));
    const metrics = taskMetrics(GROWTH_STATUS, cells, [], variances);
    const auroc = (label: string): number | null | undefined => {
      const output = metrics.outputs[label];
      return output && 'auroc' in output ? output.auroc : undefined;
    };
    assert.equal(auroc('stunting'), 0.5);
    assert.equal(auroc('wasting'), null);
  });
});
