import { strict as assert } from 'node:assert';
import {
  fitBaselineInputs,
  networkInputWidth,
  toNetworkInputs,
} from '../../../../benchmark/baselines/baseline-inputs.js';

// 4 rows × 3 columns: column 0 always measured, column 1 sometimes, column 2 never.
const FEATURES = Float32Array.from([1, 10, NaN, 2, NaN, NaN, 3, 30, NaN, 6, NaN, NaN]);

describe('fitBaselineInputs / toNetworkInputs', () => {
  const inputs = fitBaselineInputs(FEATURES, 4, 3);

  it('centres and scales each column on its measured values only', () => {
    assert.deepEqual([...inputs.center], [3, 20, 0]);
    // Column 0: deviations −2, −1, 0, 3 → sd √(14/4); column 1: ±10 → sd 10; column 2: none → 1.
    assert.deepEqual([...inputs.scale], [Math.sqrt(3.5), 10, 1]);
  });

  it('adds a missing indicator only for columns both measured and missing in training', () => {
    assert.deepEqual(inputs.indicators, [1]);
    assert.equal(networkInputWidth(inputs), 4);
  });

  it('maps NaN to 0 (the training mean) and sets its indicator', () => {
    const x = toNetworkInputs(inputs, Float32Array.from([5, NaN, 7, 3, 40, NaN]), 2);
    const sd0 = Math.sqrt(3.5);
    assert.deepEqual([...x], [2 / sd0, 0, 7, 1, 0, 2, 0, 0]);
  });
});
