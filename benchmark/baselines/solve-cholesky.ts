/**
 * Solves A·x = b for a symmetric positive-definite A by Cholesky
 * factorisation: the Newton step of an L2-regularised logistic regression,
 * whose Hessian is positive definite thanks to the penalty.
 */
import { CentileError } from '../errors.js';

/**
 * x with A·x = b. `a` is row-major size×size (only its lower triangle is
 * read); `b` has `size` entries. Throws `BASELINE_FIT_FAILED` when A is not
 * positive definite.
 */
export function solveCholesky(a: Float64Array, b: Float64Array, size: number): Float64Array {
  const lower = factor(a, size);
  const y = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = b[i] ?? 0;
    for (let k = 0; k < i; k++) sum -= at(lower, i * size + k) * at(y, k);
    y[i] = sum / at(lower, i * size + i);
  }
  const x = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = at(y, i);
    for (let k = i + 1; k < size; k++) sum -= at(lower, k * size + i) * at(x, k);
    x[i] = sum / at(lower, i * size + i);
  }
  return x;
}

/** L with A = L·Lᵀ, row-major. */
function factor(a: Float64Array, size: number): Float64Array {
  const lower = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = at(a, i * size + j);
      for (let k = 0; k < j; k++) sum -= at(lower, i * size + k) * at(lower, j * size + k);
      if (i === j) {
        if (!(sum > 0)) {
          throw new CentileError(
            'internal',
            'BASELINE_FIT_FAILED',
            'the Newton system is not positive definite',
          );
        }
        lower[i * size + i] = Math.sqrt(sum);
      } else {
        lower[i * size + j] = sum / at(lower, j * size + j);
      }
    }
  }
  return lower;
}

// Indices are in range by construction; this keeps noUncheckedIndexedAccess quiet.
function at(values: Float64Array, index: number): number {
  return values[index] ?? 0;
}
