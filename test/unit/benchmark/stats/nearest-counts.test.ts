import { strict as assert } from 'node:assert';
import { createPrng } from '../../../../benchmark/sim/prng.js';
import { nearestCounts } from '../../../../benchmark/stats/nearest-counts.js';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('stats/nearest-counts', () => {
  it('keeps counts that are already non-negative', () => {
    assert.deepEqual(nearestCounts([3, 0, 7, 1]), [3, 0, 7, 1]);
  });

  it('takes the same λ off every cell it keeps, by hand', () => {
    // Total 10. Kept cells 11 and 2: λ = (11 + 2 − 10) / 2 = 1.5 → [9.5, 0, 0.5, 0].
    assert.deepEqual(nearestCounts([11, -1, 2, -2]), [9.5, 0, 0.5, 0]);
  });

  it('is the nearest non-negative vector with the same total: one λ off every kept cell, none above λ dropped', () => {
    const prng = createPrng('nearest-counts');
    for (let trial = 0; trial < 200; trial += 1) {
      const noisy = Array.from({ length: 12 }, (_, b) => (b < 4 ? 30 : 0) + 6 * prng.normal());
      const nearest = nearestCounts(noisy);
      assert.ok(nearest.every((x) => x >= 0));
      assert.ok(Math.abs(sum(nearest) - sum(noisy)) < 1e-9);
      // The optimality (KKT) conditions of the projection.
      const kept = nearest.flatMap((x, b) => (x > 0 ? [noisy[b]! - x] : []));
      const lambda = kept[0]!;
      assert.ok(
        kept.every((l) => Math.abs(l - lambda) < 1e-9),
        `one λ: ${kept.join(', ')}`,
      );
      nearest.forEach((x, b) => x === 0 && assert.ok(noisy[b]! <= lambda + 1e-9));
    }
  });

  it('falls back to the clamp when the total is not above 0', () => {
    assert.deepEqual(nearestCounts([-3, 2, -1]), [0, 2, 0]);
  });
});
