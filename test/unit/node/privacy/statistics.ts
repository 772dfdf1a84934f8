/**
 * Statistical checks in the style of OpenDP's sampler tests (privacy.md §1.4):
 * every threshold has a false-alarm probability around 1e-6 or below, so CI is
 * never flaky, and the sample sizes are chosen so the same checks reject a
 * slightly wrong parameter (each test runs such a negative control).
 * Floats are fine here: this code judges samples, it never makes noise.
 */
import { strict as assert } from 'node:assert';

/** Two-sided z for Wilson intervals and mean checks: P(|N(0,1)| > 6) ≈ 2e-9. */
export const Z = 6;
/** One-sided z for χ² critical values: P(N(0,1) > 5) ≈ 2.9e-7. */
const CHI_SQUARE_Z = 5;

/** Wilson score interval for a binomial proportion. */
export function wilsonInterval(successes: number, n: number, z = Z): { low: number; high: number } {
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: centre - half, high: centre + half };
}

/** True when `p` lies in the Wilson interval of successes/n. */
export function proportionFits(successes: number, n: number, p: number): boolean {
  const { low, high } = wilsonInterval(successes, n);
  return low <= p && p <= high;
}

/** Asserts that `p` lies in the Wilson interval of successes/n. */
export function assertProportion(successes: number, n: number, p: number, label: string): void {
  const { low, high } = wilsonInterval(successes, n);
  assert.ok(low <= p && p <= high, `${label}: ${p} outside [${low}, ${high}] (${successes}/${n})`);
}

/**
 * Upper χ² quantile at one-sided z = 5 by the Wilson–Hilferty cube
 * approximation, which is accurate to a few percent out there and, unlike
 * OpenDP's df + 6√(2df), keeps the false-alarm rate below 1e-6 for small df.
 */
export function chiSquareCritical(df: number): number {
  const c = 2 / (9 * df);
  return df * (1 - c + CHI_SQUARE_Z * Math.sqrt(c)) ** 3;
}

/** Pearson's χ² of observed counts against probabilities (which must sum to 1). */
export function chiSquareStatistic(
  observed: readonly number[],
  probabilities: readonly number[],
): number {
  const n = observed.reduce((a, b) => a + b, 0);
  return observed.reduce((sum, count, i) => {
    const expected = n * (probabilities[i] ?? 0);
    assert.ok(expected >= 5, `bin ${i} expects ${expected} < 5: the test is mis-designed`);
    return sum + (count - expected) ** 2 / expected;
  }, 0);
}

/** True when the χ² goodness-of-fit test accepts. */
export function chiSquareFits(
  observed: readonly number[],
  probabilities: readonly number[],
): boolean {
  return chiSquareStatistic(observed, probabilities) <= chiSquareCritical(observed.length - 1);
}

/** A probability mass function on the integers. */
export type Pmf = (k: number) => number;

/** Counts of each k in [-radius, radius], then one tail bin for everything outside. */
export function windowCounts(samples: readonly bigint[], radius: number): number[] {
  const counts = new Array<number>(2 * radius + 2).fill(0);
  for (const sample of samples) {
    const k = Number(sample);
    const bin = Math.abs(k) <= radius ? k + radius : 2 * radius + 1;
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

/** pmf on [-radius, radius] plus the tail mass, matching `windowCounts`. */
export function windowProbabilities(pmf: Pmf, radius: number): number[] {
  const inside = Array.from({ length: 2 * radius + 1 }, (_, i) => pmf(i - radius));
  return [...inside, Math.max(0, 1 - inside.reduce((a, b) => a + b, 0))];
}

/** The widest symmetric window whose bins, tail included, all expect ≥ 5 of n draws. */
export function centralRadius(pmf: Pmf, n: number): number {
  let radius = 0;
  for (;;) {
    const next = windowProbabilities(pmf, radius + 1);
    if (n * pmf(radius + 1) < 5 || n * (next[next.length - 1] ?? 0) < 5) return radius;
    radius++;
  }
}

/** χ² of samples against pmf over the pmf's central window (for this n) with a tail bin. */
export function pmfFits(samples: readonly bigint[], pmf: Pmf): boolean {
  const radius = centralRadius(pmf, samples.length);
  return chiSquareFits(windowCounts(samples, radius), windowProbabilities(pmf, radius));
}

/** E[X²] and E[X⁴] of a symmetric pmf, summed over |k| ≤ limit. */
export function evenMoments(pmf: Pmf, limit: number): { m2: number; m4: number } {
  let m2 = 0;
  let m4 = 0;
  for (let k = -limit; k <= limit; k++) {
    m2 += k * k * pmf(k);
    m4 += k ** 4 * pmf(k);
  }
  return { m2, m4 };
}

/** True when the sample mean of X² is within Z standard errors of the pmf's E[X²]. */
export function secondMomentFits(samples: readonly bigint[], pmf: Pmf, limit: number): boolean {
  const { m2, m4 } = evenMoments(pmf, limit);
  const observed = samples.reduce((sum, x) => sum + Number(x) ** 2, 0) / samples.length;
  const se = Math.sqrt((m4 - m2 * m2) / samples.length);
  return Math.abs(observed - m2) <= Z * se;
}

/** Discrete Laplace pmf with scale b: (1−a)/(1+a)·a^|k|, a = e^{−1/b}. */
export function discreteLaplacePmf(b: number): Pmf {
  const a = Math.exp(-1 / b);
  return (k) => ((1 - a) / (1 + a)) * a ** Math.abs(k);
}

/** Discrete Gaussian pmf with variance parameter σ², normalised numerically. */
export function discreteGaussianPmf(sigma2: number): Pmf {
  const limit = Math.ceil(40 * Math.sqrt(sigma2)) + 10;
  let total = 0;
  for (let k = -limit; k <= limit; k++) total += Math.exp((-k * k) / (2 * sigma2));
  return (k) => Math.exp((-k * k) / (2 * sigma2)) / total;
}
