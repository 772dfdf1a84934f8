import { strict as assert } from 'node:assert';
import {
  countConfusion,
  thresholdMetrics,
} from '../../../../benchmark/metrics/threshold-metrics.js';

describe('threshold metrics', () => {
  it('counts a score equal to the threshold as a positive prediction', () => {
    const counts = countConfusion(
      Uint8Array.from([1, 1, 0, 0, 1]),
      Float32Array.from([0.5, 0.49, 0.5, 0.1, 1]),
      0.5,
    );
    assert.deepEqual(counts, {
      truePositives: 2,
      falsePositives: 1,
      trueNegatives: 1,
      falseNegatives: 1,
    });
  });

  it('computes the rates and F1 as the harmonic mean of precision and recall', () => {
    const m = thresholdMetrics(
      { truePositives: 3, falsePositives: 1, trueNegatives: 5, falseNegatives: 3 },
      null,
    );
    assert.deepEqual(m, {
      accuracy: 8 / 12,
      precision: 3 / 4,
      recall: 3 / 6,
      specificity: 5 / 6,
      f1: (2 * 0.75 * 0.5) / 1.25,
    });
  });

  it('reports empty denominators as the rate asked for: 0 (scikit-learn) or null (releases)', () => {
    const noPositive = { truePositives: 0, falsePositives: 0, trueNegatives: 4, falseNegatives: 0 };
    assert.deepEqual(thresholdMetrics(noPositive, 0), {
      accuracy: 1,
      precision: 0,
      recall: 0,
      specificity: 1,
      f1: 0,
    });
    assert.deepEqual(thresholdMetrics(noPositive, null), {
      accuracy: 1,
      precision: null,
      recall: null,
      specificity: 1,
      f1: null,
    });
    // No positive prediction but a missed positive: F1 is defined, and 0.
    const missed = { truePositives: 0, falsePositives: 0, trueNegatives: 1, falseNegatives: 2 };
    assert.equal(thresholdMetrics(missed, null).f1, 0);
    const none = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
    assert.equal(thresholdMetrics(none, 0).accuracy, null);
  });
});
