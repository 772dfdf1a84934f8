import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { solveCholesky } from '../../../../benchmark/baselines/solve-cholesky.js';

describe('solveCholesky', () => {
  it('solves a symmetric positive-definite system', () => {
    const a = Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]);
    const x = Float64Array.from([1, -2, 3]);
    const b = Float64Array.from([4 * 1 + 1 * -2, 1 + 3 * -2 + 3, -2 + 2 * 3]);
    const solved = solveCholesky(a, b, 3);
    x.forEach((value, i) => assert.ok(Math.abs((solved[i] ?? NaN) - value) < 1e-12));
  });

  it('refuses a matrix that is not positive definite', () => {
    const a = Float64Array.from([1, 2, 2, 1]);
    assert.throws(
      () => solveCholesky(a, new Float64Array(2), 2),
      (e) => hasCode(e, 'BASELINE_FIT_FAILED'),
    );
  });
});
