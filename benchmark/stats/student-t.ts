/**
 * Student's t distribution: the CDF from the regularized incomplete beta
 * function, and the quantile by a safeguarded Newton iteration on it. Used
 * for the random-effects prediction interval (t with k − 2 degrees of
 * freedom, Higgins, Thompson & Spiegelhalter 2009), so df is small and an
 * approximation such as Cornish–Fisher would be least accurate exactly there.
 *
 * The incomplete beta is the continued fraction of Numerical Recipes §6.4
 * evaluated by the modified Lentz method; with the symmetry
 * I_x(a, b) = 1 − I_{1−x}(b, a) it converges in a few dozen terms.
 * Quantiles agree with SciPy's `t.ppf` to better than 1e-9 (see the tests).
 */
import { logGamma } from './log-gamma.js';
import { statsError } from './stats-errors.js';

const EPSILON = 1e-15;
const TINY = 1e-300;
const MAX_TERMS = 500;

/** P(T ≤ t) for T ~ Student t with `df` > 0 degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  assertDf(df);
  if (Number.isNaN(t)) return Number.NaN;
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  // P(|T| > |t|) = I_{df/(df+t²)}(df/2, 1/2).
  const tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** The `p`-quantile of Student t with `df` > 0 degrees of freedom; p in (0, 1). */
export function studentTQuantile(p: number, df: number): number {
  assertDf(df);
  if (!(p > 0 && p < 1)) throw statsError('STATS_INPUT_INVALID', 'probability outside (0, 1)');
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  // Bracket the root in [0, upper], then Newton steps that fall back to bisection.
  let lower = 0;
  let upper = 1;
  while (studentTCdf(upper, df) < p) {
    lower = upper;
    upper *= 2;
  }
  let t = (lower + upper) / 2;
  for (let i = 0; i < 200; i += 1) {
    const gap = studentTCdf(t, df) - p;
    if (gap > 0) upper = t;
    else lower = t;
    const newton = t - gap / studentTDensity(t, df);
    const next = newton > lower && newton < upper ? newton : (lower + upper) / 2;
    if (Math.abs(next - t) <= 1e-14 * Math.max(1, Math.abs(t))) return next;
    t = next;
  }
  return t;
}

/** Density of Student t with `df` degrees of freedom. */
function studentTDensity(t: number, df: number): number {
  const logNorm = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logNorm - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** I_x(a, b), the regularized incomplete beta function, for x in [0, 1]. */
function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const logFront =
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  // The continued fraction converges fast for x < (a + 1)/(a + b + 2); use symmetry otherwise.
  if (x < (a + 1) / (a + b + 2)) return (Math.exp(logFront) * betaFraction(x, a, b)) / a;
  return 1 - (Math.exp(logFront) * betaFraction(1 - x, b, a)) / b;
}

/** The continued fraction for I_x(a, b) (Numerical Recipes `betacf`), by modified Lentz. */
function betaFraction(x: number, a: number, b: number): number {
  let c = 1;
  let d = nonZero(1 - ((a + b) * x) / (a + 1));
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m += 1) {
    const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / nonZero(1 + even * d);
    c = nonZero(1 + even / c);
    h *= d * c;
    const odd = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / nonZero(1 + odd * d);
    c = nonZero(1 + odd / c);
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < EPSILON) return h;
  }
  return h;
}

function nonZero(value: number): number {
  return Math.abs(value) < TINY ? TINY : value;
}

function assertDf(df: number): void {
  if (!(df > 0 && Number.isFinite(df))) {
    throw statsError('STATS_INPUT_INVALID', 'degrees of freedom must be positive');
  }
}
