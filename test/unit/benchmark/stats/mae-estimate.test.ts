import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { binnedRegressionMetrics } from '../../../../benchmark/metrics/binned-regression.js';
import { maeEstimate } from '../../../../benchmark/stats/mae-estimate.js';

describe('stats/mae-estimate', () => {
  it('estimates the reported MAE with the sampling variance of a mean, by hand', () => {
    // 4 bins over [−2, 2]: midpoints −1.5, −0.5, 0.5, 1.5; |m| = 1.5, 0.5, 0.5, 1.5; last cell invalid.
    const errors = [1, 2, 3, 4, 99];
    const e = maeEstimate(errors, 2, 0)!;
    const reported = binnedRegressionMetrics({ errors, maxError: 2 }).mae!;
    const mae = (1 * 1.5 + 2 * 0.5 + 3 * 0.5 + 4 * 1.5) / 10;
    assert.equal(e.n, 10);
    assert.ok(Math.abs(e.estimate - mae) < 1e-15);
    assert.ok(Math.abs(e.estimate - reported) < 1e-15);
    const spread = (5 * (1.5 - mae) ** 2 + 5 * (0.5 - mae) ** 2) / 9;
    assert.ok(Math.abs(e.samplingVariance - spread / 10) < 1e-15);
    assert.equal(e.noiseVariance, 0);
  });

  it('adds σ²·Σ(|m_b| − MAE)²/n² of noise at counts far above σ', () => {
    const errors = [1000, 2000, 3000, 4000, 0];
    const e = maeEstimate(errors, 2, 9)!;
    const mae = e.estimate;
    const expected = (9 * (2 * (1.5 - mae) ** 2 + 2 * (0.5 - mae) ** 2)) / 10000 ** 2;
    assert.ok(Math.abs(e.noiseVariance / expected - 1) < 1e-9);
    assert.equal(e.variance, e.samplingVariance + e.noiseVariance);
  });

  it('counts the noise of empty cells in full: they are read as released', () => {
    const near = maeEstimate([0, 2000, 3000, 0, 0], 2, 9)!;
    const mae = near.estimate;
    const expected = (9 * (2 * (1.5 - mae) ** 2 + 2 * (0.5 - mae) ** 2)) / 5000 ** 2;
    assert.ok(Math.abs(near.noiseVariance / expected - 1) < 1e-12);
  });

  it('reads negative cells as released, like the reported MAE, and is null below two valid predictions', () => {
    const errors = [-1, 3, 5, 2, 2];
    const e = maeEstimate(errors, 2, 1)!;
    assert.equal(e.n, 9);
    assert.ok(Math.abs(e.estimate - (-1.5 + 1.5 + 2.5 + 3) / 9) < 1e-15);
    assert.equal(e.estimate, binnedRegressionMetrics({ errors, maxError: 2 }).mae);
    assert.equal(maeEstimate([1, 0, -3, 0, 7], 2, 1), null);
    assert.equal(maeEstimate([0, 0, 0, 0, 7], 2, 1), null);
    assert.equal(maeEstimate([1, 0, 0, 0, 7], 2, 1), null);
  });

  it('refuses a missing range, too few cells and invalid noise with a code', () => {
    const invalid = (e: unknown): boolean => hasCode(e, 'STATS_INPUT_INVALID');
    assert.throws(() => maeEstimate([1, 2, 0], 0, 1), invalid);
    assert.throws(() => maeEstimate([1], 2, 1), invalid);
    assert.throws(() => maeEstimate([1, 2, 0], 2, -1), invalid);
  });
});
