/**
 * Privacy-loss estimators for a mechanism run on neighbouring inputs D, D′
 * (privacy.md §2.3, §9.2 B2–B3, §9.3), for a one-dimensional integer output
 * whose likelihood ratio P_D′(t)/P_D(t) increases with t, as it does for any
 * shifted discrete Gaussian and for ⟨output, D′ − D⟩ of a vector of i.i.d.
 * ones. For such a pair the largest P_D′(S) − e^ε·P_D(S) over all events S is
 * reached at an upper threshold S = {T ≥ t} (and the reverse direction at a
 * lower one), so the exact δ(ε) and its estimate both range over thresholds.
 * Floats are fine here: this code judges outputs, it never makes noise.
 */
import { wilsonInterval } from './statistics.js';

/** A pmf on consecutive integers: `p[i]` = P(X = offset + i). */
export interface IntegerPmf {
  readonly offset: number;
  readonly p: readonly number[];
}

/** Discrete Gaussian pmf with variance parameter σ² on ±(12σ + 10); the mass beyond is < e^−72. */
export function discreteGaussianTable(sigma2: number): IntegerPmf {
  const limit = Math.ceil(12 * Math.sqrt(sigma2)) + 10;
  const weights = Array.from({ length: 2 * limit + 1 }, (_, i) =>
    Math.exp(-((i - limit) ** 2) / (2 * sigma2)),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  return { offset: -limit, p: weights.map((w) => w / total) };
}

/** The pmf of X + Y for independent X ~ a, Y ~ b. */
export function convolve(a: IntegerPmf, b: IntegerPmf): IntegerPmf {
  const p = new Float64Array(a.p.length + b.p.length - 1);
  for (let i = 0; i < a.p.length; i++) {
    const x = a.p[i] ?? 0;
    for (let j = 0; j < b.p.length; j++) p[i + j] = (p[i + j] ?? 0) + x * (b.p[j] ?? 0);
  }
  return { offset: a.offset + b.offset, p: Array.from(p) };
}

/** The pmf of the sum of `count` independent draws from `a`. */
export function sumOf(a: IntegerPmf, count: number): IntegerPmf {
  let total = a;
  for (let i = 1; i < count; i++) total = convolve(total, a);
  return total;
}

/** The pmf of X + `by`. */
export function shifted(a: IntegerPmf, by: number): IntegerPmf {
  return { offset: a.offset + by, p: a.p };
}

const at = (a: IntegerPmf, x: number): number => a.p[x - a.offset] ?? 0;

/** Exact δ(ε) = max of Σ_x max(0, P(x) − e^ε·Q(x)) and the same with P, Q swapped. */
export function exactDelta(p: IntegerPmf, q: IntegerPmf, epsilon: number): number {
  const lo = Math.min(p.offset, q.offset);
  const hi = Math.max(p.offset + p.p.length, q.offset + q.p.length);
  let forward = 0;
  let backward = 0;
  for (let x = lo; x < hi; x++) {
    forward += Math.max(0, at(p, x) - Math.exp(epsilon) * at(q, x));
    backward += Math.max(0, at(q, x) - Math.exp(epsilon) * at(p, x));
  }
  return Math.max(forward, backward);
}

/**
 * The claimed mechanism's worst event at ε: the least t with P(t) > e^ε·Q(t)
 * (privacy loss above ε), so {T ≥ t} is the event that attains δ(ε).
 */
export function lossThreshold(p: IntegerPmf, q: IntegerPmf, epsilon: number): number {
  for (let x = q.offset; x < q.offset + q.p.length; x++) {
    if (at(p, x) > Math.exp(epsilon) * at(q, x)) return x;
  }
  throw new RangeError('privacy loss never exceeds epsilon on the support');
}

/** Empirical CDF helpers over integer samples: fraction ≥ t and ≤ t. */
function tailFractions(samples: readonly number[]): {
  atLeast: (t: number) => number;
  atMost: (t: number) => number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  const below = (t: number): number => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] ?? 0) < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    atLeast: (t) => (sorted.length - below(t)) / sorted.length,
    atMost: (t) => below(t + 1) / sorted.length,
  };
}

/**
 * Hockey-stick estimate δ̂(ε) from samples of M(D′) (`p`) and M(D) (`q`): the
 * largest p̂(T ≥ t) − e^ε·q̂(T ≥ t) over upper thresholds, or q̂(T ≤ t) −
 * e^ε·p̂(T ≤ t) over lower ones (Google's `verifyApproximateDp` restricted to
 * the events that attain δ for a monotone likelihood ratio). Never below 0.
 */
export function thresholdDelta(
  p: readonly number[],
  q: readonly number[],
  epsilon: number,
): number {
  const fp = tailFractions(p);
  const fq = tailFractions(q);
  const scale = Math.exp(epsilon);
  let best = 0;
  for (const t of new Set([...p, ...q])) {
    best = Math.max(
      best,
      fp.atLeast(t) - scale * fq.atLeast(t),
      fq.atMost(t) - scale * fp.atMost(t),
    );
  }
  return best;
}

/** Per-side false-alarm rate of `dkwTolerance`. */
export const DKW_ALPHA = 1e-7;

/**
 * How far δ̂(ε) of `thresholdDelta` can be from the true δ(ε) with n draws a
 * side: by the Dvoretzky–Kiefer–Wolfowitz inequality (Massart's constant)
 * each empirical CDF is within η = √(ln(2/α)/(2n)) of its own at every
 * threshold at once, with probability ≥ 1 − α, so |δ̂ − δ| ≤ (1 + e^ε)·η for
 * every ε and both directions together, with probability ≥ 1 − 2α.
 */
export function dkwTolerance(n: number, epsilon: number, alpha = DKW_ALPHA): number {
  return (1 + Math.exp(epsilon)) * Math.sqrt(Math.log(2 / alpha) / (2 * n));
}

/**
 * DP-Sniper-style ε lower bound from one event S fixed in advance, for a
 * claim of (ε, δ)-DP: P_D′(S) ≤ e^ε·P_D(S) + δ, so ε ≥ ln((P_D′(S) − δ)/P_D(S)).
 * `lower` puts the Wilson bounds (z = 5) on either side: −∞ when the
 * numerator's lower bound is not positive.
 */
export function eventEpsilon(
  hitsP: number,
  hitsQ: number,
  n: number,
  delta: number,
  z = 5,
): { estimate: number; lower: number } {
  const numerator = wilsonInterval(hitsP, n, z).low - delta;
  return {
    estimate: Math.log((hitsP / n - delta) / (hitsQ / n)),
    lower: numerator > 0 ? Math.log(numerator / wilsonInterval(hitsQ, n, z).high) : -Infinity,
  };
}
