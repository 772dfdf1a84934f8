import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import {
  MAPE_EPSILON,
  REGRESSION_METRIC_KEYS,
  regressionMetrics,
} from '../../../../benchmark/metrics/regression-metrics.js';

describe('regressionMetrics', () => {
  it('computes MAE, RMSE, MAPE (a fraction) and bias (prediction − target)', () => {
    const m = regressionMetrics(Float64Array.from([10, 20, 40]), Float64Array.from([12, 17, 40]));
    assert.deepEqual(Object.keys(m), [...REGRESSION_METRIC_KEYS]);
    assert.equal(m.n, 3);
    assert.equal(m.mae, 5 / 3);
    assert.ok(Math.abs((m.rmse as number) - Math.sqrt(13 / 3)) < 1e-15);
    assert.ok(Math.abs((m.mape as number) - (0.2 + 0.15) / 3) < 1e-15);
    assert.equal(m.bias, -1 / 3);
  });

  it('divides by max(|target|, ε) for MAPE, as scikit-learn does, so a zero target is finite', () => {
    const m = regressionMetrics(Float64Array.from([0, -2]), Float64Array.from([1, -1]));
    assert.equal(m.mape, (1 / MAPE_EPSILON + 0.5) / 2);
    assert.equal(MAPE_EPSILON, 2.220446049250313e-16);
  });

  it('keeps full accuracy over many terms of mixed size (compensated sums)', () => {
    const n = 1_000_001;
    const targets = new Float64Array(n);
    const predictions = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1e8 : 0.1));
    // A plain running sum drifts by about 1e-9 here; the exact mean is (1e8 + 1e5) / n.
    const m = regressionMetrics(targets, predictions);
    assert.ok(Math.abs((m.bias as number) - (1e8 + 1e5) / n) < 1e-12);
  });

  it('is null for no example and refuses non-finite values or unequal lengths', () => {
    assert.deepEqual(regressionMetrics(new Float64Array(0), new Float64Array(0)), {
      n: 0,
      mae: null,
      rmse: null,
      mape: null,
      bias: null,
    });
    const bad: [Float64Array, Float64Array][] = [
      [Float64Array.from([1]), Float64Array.from([Number.NaN])],
      [Float64Array.from([Number.POSITIVE_INFINITY]), Float64Array.from([1])],
      [Float64Array.from([1, 2]), Float64Array.from([1])],
    ];
    for (const [t, p] of bad) {
      assert.throws(
        () => regressionMetrics(t, p),
        (e: unknown) => hasCode(e, 'METRIC_INPUT_INVALID'),
      );
    }
  });
});
