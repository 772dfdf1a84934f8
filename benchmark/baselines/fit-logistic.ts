/**
 * L2-regularised logistic regression fitted by damped Newton steps (IRLS).
 * Deterministic: no random initialisation, no sampling, fixed iteration order.
 *
 * Objective: mean log-loss + (l2 / 2)·‖w‖², intercept unpenalised. Features
 * are expected standardised, so one `l2` suits every column.
 */
import { solveCholesky } from './solve-cholesky.js';

/** Tuning of the fit; defaults suit standardised features. */
export interface LogisticFitOptions {
  /** Penalty on the weights (not the intercept). Default 1e-3. */
  readonly l2?: number;
  /** Newton iterations at most. Default 50. */
  readonly maxIterations?: number;
  /** Stop when no parameter moves by more than this. Default 1e-8. */
  readonly tolerance?: number;
}

/** Weights in the feature space the model was fitted in, and the intercept. */
export interface LogisticModel {
  readonly weights: Float64Array;
  readonly intercept: number;
}

interface Problem {
  readonly z: Float64Array;
  readonly f: number;
  readonly rows: readonly number[];
  readonly y: Int8Array;
  readonly l2: number;
}

/**
 * Fits `y` (0/1 per row; rows not listed in `rows` are ignored) on row-major
 * n×f `z`. With only one class present the model is the constant smoothed
 * prevalence (pos + ½)/(m + 1): low when there are no positives, never 0.
 */
export function fitLogistic(
  z: Float64Array,
  f: number,
  rows: readonly number[],
  y: Int8Array,
  options: LogisticFitOptions = {},
): LogisticModel {
  const positives = rows.reduce((count, row) => count + (y[row] === 1 ? 1 : 0), 0);
  const prior = logit((positives + 0.5) / (rows.length + 1));
  if (positives === 0 || positives === rows.length) {
    return { weights: new Float64Array(f), intercept: prior };
  }
  const problem: Problem = { z, f, rows, y, l2: options.l2 ?? 1e-3 };
  let theta: Float64Array = new Float64Array(f + 1);
  theta[f] = prior;
  for (let iteration = 0; iteration < (options.maxIterations ?? 50); iteration++) {
    const { next, moved } = newtonStep(problem, theta);
    theta = next;
    if (moved <= (options.tolerance ?? 1e-8)) break;
  }
  return { weights: theta.slice(0, f), intercept: theta[f] ?? 0 };
}

/** One Newton step, halved until the objective does not increase. */
function newtonStep(problem: Problem, theta: Float64Array): { next: Float64Array; moved: number } {
  const { loss, gradient, hessian } = evaluate(problem, theta);
  const step = solveCholesky(hessian, gradient, theta.length);
  for (let size = 1; size > 1e-10; size /= 2) {
    const next = theta.map((value, k) => value - size * (step[k] ?? 0));
    if (objective(problem, next) <= loss) {
      return { next, moved: size * Math.max(...step.map(Math.abs)) };
    }
  }
  return { next: theta, moved: 0 };
}

/** Objective, gradient and Hessian at `theta` (weights then intercept). */
function evaluate(problem: Problem, theta: Float64Array) {
  const { z, f, rows, y } = problem;
  const size = f + 1;
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  const x = new Float64Array(size);
  x[f] = 1;
  for (const row of rows) {
    for (let j = 0; j < f; j++) x[j] = z[row * f + j] ?? 0;
    const p = sigmoid(dot(theta, x));
    const residual = p - (y[row] ?? 0);
    const curvature = p * (1 - p);
    for (let i = 0; i < size; i++) {
      const xi = x[i] ?? 0;
      gradient[i] = (gradient[i] ?? 0) + residual * xi;
      for (let j = 0; j <= i; j++)
        hessian[i * size + j] = (hessian[i * size + j] ?? 0) + curvature * xi * (x[j] ?? 0);
    }
  }
  finishDerivatives(problem, theta, gradient, hessian);
  return { loss: objective(problem, theta), gradient, hessian };
}

/** Turns sums into means and adds the penalty; a tiny ridge keeps the intercept's pivot positive. */
function finishDerivatives(
  problem: Problem,
  theta: Float64Array,
  gradient: Float64Array,
  hessian: Float64Array,
): void {
  const { f, rows, l2 } = problem;
  const size = f + 1;
  const m = rows.length;
  for (let i = 0; i < size; i++) {
    const penalty = i < f ? l2 : 1e-12;
    gradient[i] = (gradient[i] ?? 0) / m + (i < f ? l2 * (theta[i] ?? 0) : 0);
    hessian[i * size + i] = (hessian[i * size + i] ?? 0) / m + penalty;
    for (let j = 0; j < i; j++) hessian[i * size + j] = (hessian[i * size + j] ?? 0) / m;
  }
}

function objective(problem: Problem, theta: Float64Array): number {
  const { z, f, rows, y, l2 } = problem;
  let loss = 0;
  for (const row of rows) {
    let score = theta[f] ?? 0;
    for (let j = 0; j < f; j++) score += (theta[j] ?? 0) * (z[row * f + j] ?? 0);
    loss += softplus(score) - (y[row] === 1 ? score : 0);
  }
  let norm = 0;
  for (let j = 0; j < f; j++) norm += (theta[j] ?? 0) ** 2;
  return loss / rows.length + (l2 / 2) * norm;
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** log(1 + eˢ) without overflow. */
function softplus(s: number): number {
  return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
}

function sigmoid(s: number): number {
  return 1 / (1 + Math.exp(-s));
}

function logit(p: number): number {
  return Math.log(p / (1 - p));
}
