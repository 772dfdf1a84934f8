import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { binnedAuroc } from '../../../../benchmark/metrics/binned-ranking.js';
import { hanleyMcNeilVariance } from '../../../../benchmark/stats/hanley-mcneil.js';

describe('stats/hanley-mcneil', () => {
  it('reproduces the worked example of Hanley & McNeil (1982), Table 1', () => {
    // Five-point ratings of 109 CT images: 58 normal, 51 abnormal.
    const normal = [33, 6, 6, 11, 2];
    const abnormal = [3, 2, 2, 11, 33];
    const auroc = binnedAuroc(normal, abnormal)!.value;
    // Wilcoxon W with ties counted half: 2642 of 58 × 51 = 2958 pairs (the paper's 0.893).
    assert.equal(auroc, 2642 / 2958);
    // SE(W) by hand: Q1 = W/(2 − W), Q2 = 2W²/(1 + W), eq. 2 of the paper.
    const w = 2642 / 2958;
    const q1 = w / (2 - w);
    const q2 = (2 * w * w) / (1 + w);
    const byHand = (w * (1 - w) + 50 * (q1 - w * w) + 57 * (q2 - w * w)) / (51 * 58);
    const variance = hanleyMcNeilVariance(auroc, 51, 58);
    assert.ok(Math.abs(variance - byHand) < 1e-15);
    assert.ok(Math.abs(Math.sqrt(variance) - 0.032487) < 1e-6);
  });

  it('equals the exact null variance of the Mann–Whitney statistic at A = 0.5', () => {
    // Under no discrimination, Var(U/(mn)) = (m + n + 1)/(12mn) exactly.
    for (const [m, n] of [
      [5, 7],
      [30, 300],
      [1000, 20],
    ] as const) {
      const exact = (m + n + 1) / (12 * m * n);
      assert.ok(Math.abs(hanleyMcNeilVariance(0.5, m, n) - exact) < 1e-15);
    }
  });

  it('is 0 at perfect separation and shrinks as either class grows', () => {
    assert.equal(hanleyMcNeilVariance(1, 10, 20), 0);
    assert.equal(hanleyMcNeilVariance(0, 10, 20), 0);
    const base = hanleyMcNeilVariance(0.8, 40, 15);
    assert.ok(hanleyMcNeilVariance(0.8, 400, 15) < base);
    assert.ok(hanleyMcNeilVariance(0.8, 40, 150) < base);
    // Both classes 10× larger: about 10× smaller (the A(1 − A) term scales by 100×).
    const ratio = base / hanleyMcNeilVariance(0.8, 400, 150);
    assert.ok(ratio > 9.5 && ratio < 11);
  });

  it('refuses an AUROC outside [0, 1] or an empty class with a code', () => {
    const invalid = (e: unknown): boolean => hasCode(e, 'STATS_INPUT_INVALID');
    assert.throws(() => hanleyMcNeilVariance(1.1, 10, 10), invalid);
    assert.throws(() => hanleyMcNeilVariance(Number.NaN, 10, 10), invalid);
    assert.throws(() => hanleyMcNeilVariance(0.7, 0, 10), invalid);
    assert.throws(() => hanleyMcNeilVariance(0.7, 10, -1), invalid);
  });
});
