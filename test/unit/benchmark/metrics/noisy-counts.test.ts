import { strict as assert } from 'node:assert';
import { binnedBinaryMetrics } from '../../../../benchmark/metrics/binned-binary.js';
import { binnedRegressionMetrics } from '../../../../benchmark/metrics/binned-regression.js';
import { isMostlyNoise, SIGNAL_SDS } from '../../../../benchmark/metrics/noisy-counts.js';
import { aurocEstimate } from '../../../../benchmark/stats/auroc-estimate.js';
import { bootstrapAuroc, bootstrapMae } from '../../../../benchmark/stats/bootstrap-metrics.js';
import { maeEstimate } from '../../../../benchmark/stats/mae-estimate.js';

describe('metrics/noisy-counts', () => {
  it('calls a total mostly noise below two SDs of its noise, never an exact one', () => {
    assert.equal(SIGNAL_SDS, 2);
    // Four cells of σ² = 25: the total's noise SD is 10.
    assert.equal(isMostlyNoise([5, 5, 5, 5], 25), false);
    assert.equal(isMostlyNoise([5, 5, 5, 4], 25), true);
    assert.equal(isMostlyNoise([0, 0], 0), false);
    assert.equal(isMostlyNoise([-1, 0], 0), true);
    assert.throws(() => isMostlyNoise([1], -1), RangeError);
  });

  it('leaves out the binary metrics that divide by a class that is mostly noise', () => {
    // Positives: 6 against noise SD √(3·4) ≈ 3.5 (2 SDs ≈ 6.9); negatives: 120.
    const negative = [50, 40, 30, 0];
    const positive = [1, 2, 3, 0];
    const noisy = binnedBinaryMetrics(negative, positive, 1, 4);
    assert.equal(noisy.mostlyNoise, true);
    for (const value of [noisy.auroc, noisy.auprc, noisy.sensitivity, noisy.f1]) {
      assert.equal(value, null);
    }
    assert.equal(noisy.specificity, 50 / 120);
    // Demographic parity still counts every prediction at or above the threshold.
    assert.equal(noisy.predictedPositives, 2 + 3 + 40 + 30);
    assert.ok(noisy.accuracy !== null && noisy.brier !== null);
    const exact = binnedBinaryMetrics(negative, positive, 1);
    assert.equal(exact.mostlyNoise, false);
    assert.ok(exact.auroc !== null && exact.sensitivity !== null);
  });

  it('leaves out the regression metrics when the count of predictions is mostly noise', () => {
    const errors = [1, 2, 3, 4, 0];
    const noisy = binnedRegressionMetrics({ errors, maxError: 2, noiseVariance: 25 });
    assert.equal(noisy.mostlyNoise, true);
    assert.deepEqual([noisy.mae, noisy.rmse, noisy.bias], [null, null, null]);
    const exact = binnedRegressionMetrics({ errors, maxError: 2 });
    assert.equal(exact.mostlyNoise, false);
    assert.ok(exact.mae !== null);
  });

  it('gives the cross-site statistics no estimate where the reported metric has none', () => {
    assert.equal(aurocEstimate([50, 40, 30, 0], [1, 2, 3, 0], 4), null);
    assert.equal(bootstrapAuroc([50, 40, 30, 0], [1, 2, 3, 0], 4, { seed: 's' }), null);
    assert.equal(maeEstimate([1, 2, 3, 4, 0], 2, 25), null);
    assert.equal(bootstrapMae([1, 2, 3, 4, 0], 2, 25, { seed: 's' }), null);
    assert.ok(aurocEstimate([50, 40, 30, 0], [1, 2, 3, 0], 0) !== null);
  });
});
