import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { parametricBootstrap, quantile } from '../../../../benchmark/stats/parametric-bootstrap.js';

const first = (counts: readonly number[]): number => counts[0]!;
const share = (counts: readonly number[]): number | null =>
  counts[0]! + counts[1]! > 0 ? counts[0]! / (counts[0]! + counts[1]!) : null;

describe('stats/parametric-bootstrap', () => {
  it('repeats exactly for a seed and differs for another', () => {
    const a = parametricBootstrap([40, 60], 9, share, { seed: 's', replicates: 200 });
    const b = parametricBootstrap([40, 60], 9, share, { seed: 's', replicates: 200 });
    const c = parametricBootstrap([40, 60], 9, share, { seed: 't', replicates: 200 });
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
    assert.equal(a!.replicates, 200);
  });

  it('replays sampling and noise: the spread of a count is √(λ + σ²)', () => {
    const withNoise = parametricBootstrap([10_000], 2_500, first, {
      seed: 'count',
      replicates: 4000,
    })!;
    assert.ok(Math.abs(withNoise.se / Math.sqrt(12_500) - 1) < 0.05, `${withNoise.se}`);
    const without = parametricBootstrap([10_000], 0, first, { seed: 'count', replicates: 4000 })!;
    assert.ok(Math.abs(without.se / 100 - 1) < 0.05, `${without.se}`);
    // ≈ estimate ± 1.96 SE for a symmetric statistic.
    assert.equal(without.estimate, 10_000);
    assert.ok(Math.abs((without.upper - without.lower) / (2 * 1.96 * 100) - 1) < 0.08);
    assert.ok(Math.abs((without.upper + without.lower) / 2 - 10_000) < 10);
  });

  it('gives a proportion the binomial standard error when there is no noise', () => {
    const r = parametricBootstrap([300, 700], 0, share, { seed: 'share', replicates: 4000 })!;
    assert.ok(Math.abs(r.se / Math.sqrt((0.3 * 0.7) / 1000) - 1) < 0.06, `${r.se}`);
  });

  it("moves the world's percentile interval to the estimate and clips it to the range", () => {
    // A statistic whose replicates never fall below the estimate: the interval lies above it.
    const floored = (counts: readonly number[]): number => Math.max(1, counts[0]!);
    const r = parametricBootstrap([0], 100, floored, { seed: 'skew', replicates: 500 })!;
    assert.equal(r.estimate, 1);
    assert.ok(r.lower === 1 && r.upper > 10, `${r.lower}, ${r.upper}`);
    const clipped = parametricBootstrap([0], 100, floored, {
      seed: 'skew',
      replicates: 500,
      range: [0.5, 2],
    })!;
    assert.equal(clipped.upper, 2);
  });

  it('reads the release as observed and resamples non-negative counts of the same totals', () => {
    const seen: number[][] = [];
    const record = (c: readonly number[]): number => (seen.push([...c]), 1);
    parametricBootstrap([10, -2, 4, 6, -1], 1, record, {
      seed: 'x',
      replicates: 100,
      histograms: [3, 2],
    });
    assert.deepEqual(seen[0], [10, -2, 4, 6, -1]);
    // Each histogram's nearest non-negative counts with its total (12 and 5).
    assert.deepEqual(seen[1], [9, 0, 3, 5, 0]);
    assert.throws(
      () => parametricBootstrap([1, 2, 3], 1, first, { seed: 'x', histograms: [2, 2] }),
      (e) => hasCode(e, 'STATS_INPUT_INVALID'),
    );
  });

  it('is null when the metric is undefined for the observed counts or most replicates', () => {
    assert.equal(parametricBootstrap([0, 0], 0, share, { seed: 'n' }), null);
    const rare = (counts: readonly number[]): number | null => (counts[0] === 5 ? 1 : null);
    assert.equal(parametricBootstrap([5], 0, rare, { seed: 'n', replicates: 200 }), null);
  });

  it('refuses too few replicates and invalid noise variances with a code', () => {
    const invalid = (e: unknown): boolean => hasCode(e, 'STATS_INPUT_INVALID');
    assert.throws(() => parametricBootstrap([1], 1, first, { seed: 'x', replicates: 99 }), invalid);
    assert.throws(
      () => parametricBootstrap([1], 1, first, { seed: 'x', replicates: 150.5 }),
      invalid,
    );
    assert.throws(() => parametricBootstrap([1], -1, first, { seed: 'x' }), invalid);
  });

  it('takes quantiles by linear interpolation (R type 7)', () => {
    assert.equal(quantile([1, 2, 3, 4, 5], 0.5), 3);
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.ok(Math.abs(quantile([0, 10], 0.975) - 9.75) < 1e-12);
  });
});
