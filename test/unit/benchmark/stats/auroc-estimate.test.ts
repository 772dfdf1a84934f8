import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { binnedBinaryMetrics } from '../../../../benchmark/metrics/binned-binary.js';
import { binnedAuroc } from '../../../../benchmark/metrics/binned-ranking.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';
import { aurocEstimate } from '../../../../benchmark/stats/auroc-estimate.js';
import { hanleyMcNeilVariance } from '../../../../benchmark/stats/hanley-mcneil.js';
import { discretizedNormal, mean, noisyHistogram, standardDeviation } from './stats-fixtures.js';

describe('stats/auroc-estimate', () => {
  const negative = [120, 90, 60, 40, 20, 10, 3];
  const positive = [5, 10, 20, 30, 45, 60, 4];

  it('estimates the reported AUROC, with Hanley–McNeil variance when there is no noise', () => {
    const e = aurocEstimate(negative, positive, 0)!;
    const reported = binnedBinaryMetrics(negative, positive, 3);
    assert.equal(e.estimate, reported.auroc);
    assert.equal(e.n, 340 + 170);
    assert.equal(e.noiseVariance, 0);
    assert.equal(e.samplingVariance, hanleyMcNeilVariance(e.estimate, 170, 340));
    assert.equal(e.variance, e.samplingVariance);
  });

  it('adds the delta-method noise variance, matching finite differences at large counts', () => {
    const big = (h: number[]): number[] => h.map((c) => c * 1000);
    const neg = big(negative);
    const pos = big(positive);
    const sigma2 = 4;
    const e = aurocEstimate(neg, pos, sigma2)!;
    const auroc = (n: number[], p: number[]): number =>
      binnedAuroc(n.slice(0, -1), p.slice(0, -1))!.value;
    const base = auroc(neg, pos);
    let squared = 0;
    for (let cell = 0; cell < neg.length - 1; cell += 1) {
      const bump = (h: number[]): number[] => h.map((c, i) => (i === cell ? c + 1 : c));
      squared += (auroc(bump(neg), pos) - base) ** 2 + (auroc(neg, bump(pos)) - base) ** 2;
    }
    // Large counts keep the finite differences near the derivatives: σ²·|∇A|².
    assert.ok(Math.abs(e.noiseVariance / (sigma2 * squared) - 1) < 1e-3);
    assert.equal(e.variance, e.samplingVariance + e.noiseVariance);
  });

  it('reads negative noisy cells as released, like the reported AUROC, and ignores the invalid cell', () => {
    const noisyNeg = [12, -3, 6, 2, 0, 0, 40];
    const noisyPos = [-1, 1, 4, 6, 9, -2, -7];
    const e = aurocEstimate(noisyNeg, noisyPos, 9)!;
    assert.equal(e.estimate, binnedBinaryMetrics(noisyNeg, noisyPos, 3).auroc);
    assert.equal(e.n, 17 + 17);
    const withoutInvalid = aurocEstimate(
      [...noisyNeg.slice(0, -1), 0],
      [...noisyPos.slice(0, -1), 0],
      9,
    );
    assert.deepEqual(e, withoutInvalid);
  });

  it("is null when a class's noisy total is not above 0", () => {
    assert.equal(aurocEstimate([3, 4, 0], [-2, 0, 5], 4), null);
    assert.equal(aurocEstimate([3, 4, 0], [-2, 2, 5], 4), null);
  });

  it('has a standard error that matches the spread of simulated noisy releases', () => {
    const prng = createPrng('auroc-estimate/calibration');
    const qNeg = discretizedNormal(20, 0.3, 0.15);
    const qPos = discretizedNormal(20, 0.6, 0.15);
    const estimates: number[] = [];
    const ses: number[] = [];
    for (let r = 0; r < 400; r += 1) {
      const e = aurocEstimate(
        noisyHistogram(prng, 4000, qNeg, 16),
        noisyHistogram(prng, 1000, qPos, 16),
        16,
      )!;
      estimates.push(e.estimate);
      ses.push(Math.sqrt(e.variance));
    }
    // Hanley–McNeil is mildly conservative for these (non-exponential) scores.
    const ratio = mean(ses) / standardDeviation(estimates);
    assert.ok(ratio > 0.95 && ratio < 1.3, `predicted/observed SE ${ratio}`);
  });

  it('refuses mismatched histograms and invalid noise variances with a code', () => {
    const invalid = (e: unknown): boolean => hasCode(e, 'STATS_INPUT_INVALID');
    assert.throws(() => aurocEstimate([1, 2, 0], [1, 0], 1), invalid);
    assert.throws(() => aurocEstimate([1], [1], 1), invalid);
    assert.throws(() => aurocEstimate([1, 2, 0], [1, 2, 0], -1), invalid);
    assert.throws(() => aurocEstimate([1, 2, 0], [1, 2, 0], Number.NaN), invalid);
    assert.throws(() => aurocEstimate([1, Number.NaN, 0], [1, 2, 0], 1), invalid);
  });
});
