import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';
import {
  clampedNoiseVariance,
  pooledNoiseVariance,
  unclampedCount,
} from '../../../../benchmark/stats/noise-variance.js';
import { normalCdf } from '../../../../benchmark/growth/normal-cdf.js';

/** E[max(0, x + Z)], Z ~ N(0, σ²). */
function meanReading(x: number, sigma: number): number {
  const a = x / sigma;
  return x * normalCdf(a) + (sigma * Math.exp(-0.5 * a * a)) / Math.sqrt(2 * Math.PI);
}

describe('stats/noise-variance', () => {
  it('sums the σ² of the sites in a pool and refuses invalid ones with a code', () => {
    assert.equal(pooledNoiseVariance([35, 35, 17.5]), 87.5);
    assert.equal(pooledNoiseVariance([]), 0);
    for (const bad of [-1, Number.NaN, Infinity]) {
      assert.throws(
        () => pooledNoiseVariance([1, bad]),
        (e) => hasCode(e, 'STATS_INPUT_INVALID'),
      );
    }
  });

  it('gives the variance of a clamped Gaussian: (½ − 1/2π)σ² at 0, σ² far above', () => {
    assert.ok(Math.abs(clampedNoiseVariance(0, 25) - 25 * (0.5 - 1 / (2 * Math.PI))) < 1e-12);
    assert.ok(Math.abs(clampedNoiseVariance(1000, 25) - 25) < 1e-9);
    assert.equal(clampedNoiseVariance(7, 0), 0);
  });

  it('agrees with simulation at a count of one σ', () => {
    const prng = createPrng('clamped-noise');
    const draws = Array.from({ length: 200_000 }, () => Math.max(0, 3 + 3 * prng.normal()));
    const m = draws.reduce((a, b) => a + b, 0) / draws.length;
    const v = draws.reduce((a, b) => a + (b - m) ** 2, 0) / (draws.length - 1);
    assert.ok(Math.abs(v / clampedNoiseVariance(3, 9) - 1) < 0.01);
  });

  it('inverts the mean clamped reading, with 0 below the reading of an empty cell', () => {
    const sigma = 4;
    for (const x of [0.01, 0.5, 2, 4, 9, 30, 1e4]) {
      const reading = meanReading(x, sigma);
      assert.ok(Math.abs(unclampedCount(reading, sigma * sigma) - x) < 1e-9 * Math.max(1, x));
    }
    // An empty cell reads σ/√(2π) on average; anything below is taken as empty.
    assert.equal(unclampedCount(0, 16), 0);
    assert.equal(unclampedCount(1.5, 16), 0);
    assert.ok(unclampedCount(1.7, 16) > 0);
    assert.equal(unclampedCount(7, 0), 7);
  });
});
