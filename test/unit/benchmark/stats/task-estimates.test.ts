import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';
import { aurocEstimate } from '../../../../benchmark/stats/auroc-estimate.js';
import { dersimonianLaird } from '../../../../benchmark/stats/dersimonian-laird.js';
import { maeEstimate } from '../../../../benchmark/stats/mae-estimate.js';
import { samplePoisson } from '../../../../benchmark/stats/sample-poisson.js';
import type { SiteRelease } from '../../../../benchmark/stats/task-estimates.js';
import {
  headlineEstimates,
  headlineIntervals,
  metaAnalyzeSites,
  poolReleases,
} from '../../../../benchmark/stats/task-estimates.js';
import { requireTask } from '../../../../benchmark/tasks/task-catalog.js';
import { outputColumns } from '../../../../benchmark/tasks/task-definition.js';
import type { BinaryTask, RegressionTask } from '../../../../benchmark/tasks/task-definition.js';
import {
  classSlot,
  releaseCellCount,
  targetSlots,
} from '../../../../benchmark/tasks/task-release.js';

const STATUS = requireTask('growth.status/v1') as BinaryTask;
const FORECAST = requireTask('growth.forecast/v1') as RegressionTask;

/** A noisy-looking vector: Poisson counts with some cells pushed negative. */
function fakeCells(seed: string, length: number): number[] {
  const prng = createPrng(seed);
  return Array.from({ length }, () => samplePoisson(prng, 30) - 5);
}

function slice(cells: readonly number[], slot: { start: number; length: number }): number[] {
  return cells.slice(slot.start, slot.start + slot.length);
}

describe('stats/task-estimates', () => {
  const length = releaseCellCount(STATUS);
  const outputs = outputColumns(STATUS).length;
  const siteA: SiteRelease = { cells: fakeCells('a', length), sigma2: 10, suppressed: [1] };
  const siteB: SiteRelease = { cells: fakeCells('b', length), sigma2: 25, suppressed: [1, 2] };

  it('pools by cell-wise sums, with noise only from the sites that released a block', () => {
    const pool = poolReleases(STATUS, [siteA, siteB]);
    assert.equal(pool.cells[7], siteA.cells[7]! + siteB.cells[7]!);
    assert.equal(pool.blockNoiseVariances[0], 35);
    assert.equal(pool.blockNoiseVariances[1], 0);
    assert.equal(pool.blockNoiseVariances[2], 10);
    assert.deepEqual(pool.suppressed, [1]);
  });

  it('gives each binary label its AUROC estimate from its class histograms and block noise', () => {
    const pool = poolReleases(STATUS, [siteA, siteB]);
    const estimates = headlineEstimates(STATUS, pool);
    const names = outputColumns(STATUS).map((c) => c.name);
    const expected = aurocEstimate(
      slice(pool.cells, classSlot(STATUS, 0, 2, false)),
      slice(pool.cells, classSlot(STATUS, 0, 2, true)),
      10,
    );
    assert.deepEqual(estimates[names[2]!], expected);
    assert.equal(estimates[names[1]!], null);
    // A subgroup's blocks follow the overall ones: group g, output o → block g × outputs + o.
    const inGroup = headlineEstimates(STATUS, pool, 1);
    const direct = aurocEstimate(
      slice(pool.cells, classSlot(STATUS, 1, 0, false)),
      slice(pool.cells, classSlot(STATUS, 1, 0, true)),
      pool.blockNoiseVariances[outputs]!,
    );
    assert.deepEqual(inGroup[names[0]!], direct);
  });

  it('gives each regression target its MAE estimate from its error histogram', () => {
    const cells = fakeCells('forecast', releaseCellCount(FORECAST));
    const pool = poolReleases(FORECAST, [{ cells, sigma2: 4, suppressed: [] }]);
    const target = FORECAST.targets[1]!;
    const expected = maeEstimate(
      slice(cells, targetSlots(FORECAST, 0, 1).error),
      target.maxError,
      4,
    );
    assert.deepEqual(headlineEstimates(FORECAST, pool)[target.name], expected);
  });

  it('seeds each output apart and repeats for the same seed', () => {
    const pool = poolReleases(STATUS, [siteA]);
    const options = { seed: 'round-1', replicates: 200 };
    const first = headlineIntervals(STATUS, pool, options);
    assert.deepEqual(headlineIntervals(STATUS, pool, options), first);
    const [a, , c] = outputColumns(STATUS).map((col) => first[col.name]);
    assert.equal(first[outputColumns(STATUS)[1]!.name], null);
    assert.ok(a && c && a.se !== c.se);
  });

  it('meta-analyses the sites that have an estimate for each output', () => {
    const siteC: SiteRelease = { cells: fakeCells('c', length), sigma2: 10, suppressed: [] };
    const meta = metaAnalyzeSites(STATUS, [siteA, siteB, siteC]);
    const names = outputColumns(STATUS).map((c) => c.name);
    const perSite = [siteA, siteB, siteC].map(
      (site) => headlineEstimates(STATUS, poolReleases(STATUS, [site]))[names[2]!]!,
    );
    const byHand = dersimonianLaird(
      [perSite[0]!.estimate, perSite[2]!.estimate],
      [perSite[0]!.variance, perSite[2]!.variance],
    );
    assert.deepEqual(meta[names[2]!], byHand);
    assert.equal(meta[names[1]!]!.k, 1);
    assert.equal(meta[names[0]!]!.k, 3);
  });

  it('refuses no sites or a vector of the wrong layout with a code', () => {
    const invalid = (e: unknown): boolean => hasCode(e, 'STATS_INPUT_INVALID');
    assert.throws(() => poolReleases(STATUS, []), invalid);
    assert.throws(
      () => poolReleases(STATUS, [{ cells: [1, 2], sigma2: 1, suppressed: [] }]),
      invalid,
    );
  });
});
