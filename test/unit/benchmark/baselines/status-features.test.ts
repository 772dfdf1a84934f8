import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import {
  STATUS_BASE_FEATURES,
  STATUS_ENGINEERED_FEATURES,
  STATUS_INTERACTIONS,
  statusFeatures,
} from '../../../../benchmark/baselines/status-features.js';

function featureRow(row: number[]): Map<string, number> {
  const values = statusFeatures(Float32Array.from(row), 1);
  return new Map(STATUS_ENGINEERED_FEATURES.map((name, j) => [name, values[j] ?? NaN]));
}

describe('statusFeatures', () => {
  it('lists base features then one column per interaction', () => {
    assert.equal(
      STATUS_ENGINEERED_FEATURES.length,
      STATUS_BASE_FEATURES.length + STATUS_INTERACTIONS.length,
    );
    assert.equal(new Set(STATUS_ENGINEERED_FEATURES).size, STATUS_ENGINEERED_FEATURES.length);
  });

  it('computes log-scale measurements against log age for one child', () => {
    // A girl of exactly two years (730.5 days), so log age is log 3.
    const f = featureRow([2, 730.5, 12, 86, 48, 1]);
    const logAge = Math.log(3);
    const close = (name: string, expected: number) => {
      assert.ok(Math.abs((f.get(name) ?? NaN) - expected) < 1e-6, name);
    };
    close('log_age', logAge);
    close('log_age_cu', logAge ** 3);
    close('log_weight', Math.log(12));
    close('log_bmi', Math.log(12) - 2 * Math.log(86));
    close('log_head', Math.log(48));
    close('head_missing', 0);
    close('male', 0);
    close('recumbent', 1);
    close('log_age*log_stature', logAge * Math.log(86));
    close('log_age_sq*log_bmi', logAge ** 2 * (Math.log(12) - 2 * Math.log(86)));
  });

  it('encodes a missing head circumference as 0 plus an indicator', () => {
    const f = featureRow([1, 100, 5, 60, NaN, 1]);
    assert.equal(f.get('log_head'), 0);
    assert.equal(f.get('head_missing'), 1);
    assert.equal(f.get('male'), 1);
    assert.ok([...f.values()].every(Number.isFinite));
  });

  it('lets other missing measurements through as non-finite features', () => {
    const f = featureRow([1, 100, NaN, 60, 40, 1]);
    assert.ok(Number.isNaN(f.get('log_weight')));
  });

  it('refuses input that is not n rows of 6', () => {
    assert.throws(
      () => statusFeatures(new Float32Array(7), 1),
      (e) => hasCode(e, 'BASELINE_INPUT_INVALID'),
    );
    assert.throws(
      () => statusFeatures(new Float32Array(6), 1.5),
      (e) => hasCode(e, 'BASELINE_INPUT_INVALID'),
    );
    assert.equal(statusFeatures(new Float32Array(0), 0).length, 0);
  });
});
