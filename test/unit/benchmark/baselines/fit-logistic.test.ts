import { strict as assert } from 'node:assert';
import { fitLogistic } from '../../../../benchmark/baselines/fit-logistic.js';
import { normalDraw, seededRandom } from '../../../helpers/onnx-fixtures.js';

/** n rows of one standard-normal feature, labels drawn from sigmoid(slope·x + intercept). */
function sample(n: number, slope: number, intercept: number) {
  const random = seededRandom(42);
  const z = new Float64Array(n);
  const y = new Int8Array(n);
  for (let row = 0; row < n; row++) {
    z[row] = normalDraw(random);
    y[row] = random() < 1 / (1 + Math.exp(-(slope * (z[row] ?? 0) + intercept))) ? 1 : 0;
  }
  return { z, y, rows: Array.from({ length: n }, (_, row) => row) };
}

describe('fitLogistic', () => {
  it('recovers the generating slope and intercept', () => {
    const { z, y, rows } = sample(20_000, 2, -1);
    const model = fitLogistic(z, 1, rows, y, { l2: 1e-8 });
    assert.ok(Math.abs((model.weights[0] ?? NaN) - 2) < 0.1, `slope ${model.weights[0]}`);
    assert.ok(Math.abs(model.intercept + 1) < 0.1, `intercept ${model.intercept}`);
  });

  it('shrinks the weights as the penalty grows', () => {
    const { z, y, rows } = sample(2_000, 2, 0);
    const loose = fitLogistic(z, 1, rows, y, { l2: 1e-6 }).weights[0] ?? NaN;
    const tight = fitLogistic(z, 1, rows, y, { l2: 1 }).weights[0] ?? NaN;
    assert.ok(tight > 0 && tight < loose / 2);
  });

  it('stays finite on separable data thanks to the penalty', () => {
    const z = Float64Array.from([-2, -1, 1, 2]);
    const y = Int8Array.from([0, 0, 1, 1]);
    const model = fitLogistic(z, 1, [0, 1, 2, 3], y);
    assert.ok(Number.isFinite(model.weights[0]) && (model.weights[0] ?? 0) > 0);
  });

  it('uses only the listed rows and a smoothed constant when one class is missing', () => {
    const z = Float64Array.from([0, 1, 2]);
    const y = Int8Array.from([0, 0, 1]);
    const model = fitLogistic(z, 1, [0, 1], y);
    assert.equal(model.weights[0], 0);
    assert.ok(Math.abs(model.intercept - Math.log(0.5 / 2.5)) < 1e-12);
  });
});
