import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { binnedBinaryMetrics } from '../../../../benchmark/metrics/binned-binary.js';
import { binnedAuroc } from '../../../../benchmark/metrics/binned-ranking.js';
import { binnedRegressionMetrics } from '../../../../benchmark/metrics/binned-regression.js';
import { clampedCells } from '../../../../benchmark/metrics/noisy-counts.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';
import { bootstrapAuroc, bootstrapMae } from '../../../../benchmark/stats/bootstrap-metrics.js';
import { discretizedNormal, mean, noisyHistogram } from './stats-fixtures.js';

describe('stats/bootstrap-metrics', () => {
  it('reports the metrics of the noisy counts, inside their intervals', () => {
    const negative = [30, -2, 18, 9, 4, 1, 3];
    const positive = [2, 3, -1, 12, 20, 25, -4];
    const auroc = bootstrapAuroc(negative, positive, 4, { seed: 'a', replicates: 200 })!;
    assert.equal(auroc.estimate, binnedBinaryMetrics(negative, positive, 3).auroc);
    assert.ok(auroc.lower <= auroc.estimate && auroc.estimate <= auroc.upper);
    assert.ok(auroc.upper <= 1);
    const errors = [3, -1, 14, 40, 22, 5, -2, 1, 6];
    const mae = bootstrapMae(errors, 4, 4, { seed: 'm', replicates: 200 })!;
    const reported = binnedRegressionMetrics({ errors, maxError: 4 }).mae!;
    assert.ok(Math.abs(mae.estimate - reported) < 1e-15);
    assert.ok(mae.lower >= 0 && mae.lower <= mae.estimate && mae.estimate <= mae.upper);
  });

  it('is null when a class or every valid prediction is missing', () => {
    assert.equal(bootstrapAuroc([0, 0, 4], [3, 1, 0], 1, { seed: 'x' }), null);
    assert.equal(bootstrapMae([0, -1, 0, 9], 2, 1, { seed: 'x' }), null);
  });

  it('refuses malformed histograms with a code', () => {
    const invalid = (e: unknown): boolean => hasCode(e, 'STATS_INPUT_INVALID');
    assert.throws(() => bootstrapAuroc([1, 2, 0], [1, 0], 1, { seed: 'x' }), invalid);
    assert.throws(() => bootstrapMae([1, 2, 0], -1, 1, { seed: 'x' }), invalid);
  });

  /**
   * A site of 2000 negatives and 500 positives, 20 score bins, σ² = 16 per
   * cell (growth.status at ρ ≈ 0.5): 200 seeded repetitions of sampling +
   * noise + a 1000-replicate interval. Deterministic given the seeds.
   * (Harder cases: see parametric-bootstrap.ts.)
   */
  it('covers the true AUROC in about 95% of simulated noisy releases', () => {
    const prng = createPrng('bootstrap-metrics/auroc-coverage');
    const qNeg = discretizedNormal(20, 0.3, 0.15);
    const qPos = discretizedNormal(20, 0.6, 0.15);
    const truth = binnedAuroc(qNeg, qPos)!.value;
    let covered = 0;
    const reported: number[] = [];
    const clamped: number[] = [];
    for (let r = 0; r < 200; r += 1) {
      const negative = noisyHistogram(prng, 2000, qNeg, 16);
      const positive = noisyHistogram(prng, 500, qPos, 16);
      const interval = bootstrapAuroc(negative, positive, 16, { seed: `rep-${r}` })!;
      if (interval.lower <= truth && truth <= interval.upper) covered += 1;
      assert.ok(interval.lower <= interval.estimate && interval.estimate <= interval.upper);
      reported.push(interval.estimate - truth);
      const cells = (h: number[]): number[] => clampedCells(h.slice(0, -1));
      clamped.push(binnedAuroc(cells(negative), cells(positive))!.value - truth);
    }
    const coverage = covered / 200;
    assert.ok(coverage >= 0.9 && coverage <= 0.99, `coverage ${coverage}`);
    // Cells clamped at 0 would pull the AUROC towards 0.5; as released, it stays centred.
    assert.ok(mean(clamped) < -0.01, `clamped bias ${mean(clamped)}`);
    assert.ok(Math.abs(mean(reported)) < 0.005, `bias ${mean(reported)}`);
  });

  /**
   * 2000 predictions, errors ~ N(0, 0.8²) in 80 bins over [−5, 5], σ² = 16
   * (0.935 over 400 runs with other seeds).
   */
  it('covers the true MAE in about 95% of simulated noisy releases', () => {
    const prng = createPrng('bootstrap-metrics/mae-coverage');
    const q = discretizedNormal(80, 0.5, 0.08);
    const magnitudes = q.map((_, b) => Math.abs(-5 + (b + 0.5) * (10 / 80)));
    const truth = q.reduce((sum, p, b) => sum + p * magnitudes[b]!, 0);
    let covered = 0;
    const reported: number[] = [];
    const clamped: number[] = [];
    for (let r = 0; r < 200; r += 1) {
      const errors = noisyHistogram(prng, 2000, q, 16);
      const interval = bootstrapMae(errors, 5, 16, { seed: `rep-${r}`, replicates: 500 })!;
      if (interval.lower <= truth && truth <= interval.upper) covered += 1;
      reported.push(interval.estimate - truth);
      const cells = [...clampedCells(errors.slice(0, -1)), 0];
      clamped.push(binnedRegressionMetrics({ errors: cells, maxError: 5 }).mae! - truth);
    }
    const coverage = covered / 200;
    assert.ok(coverage >= 0.88 && coverage <= 0.99, `coverage ${coverage}`);
    // Cells clamped at 0 would put spurious errors in the empty far bins.
    assert.ok(mean(clamped) > 0.05, `clamped bias ${mean(clamped)}`);
    assert.ok(Math.abs(mean(reported)) < 0.01, `bias ${mean(reported)}`);
  });
});
