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

/** Histogram of integer samples: value → count. */
export function histogramOf(samples: readonly bigint[]): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const sample of samples) {
    const k = Number(sample);
    histogram.set(k, (histogram.get(k) ?? 0) + 1);
  }
  return histogram;
}

/** Counts in the bins (−∞, e₀), [e₀, e₁), …, [e_last, ∞) of increasing integer `edges`. */
export function binnedCounts(samples: readonly bigint[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const sample of samples) {
    const k = Number(sample);
    const bin = edges.findIndex((edge) => k < edge);
    const index = bin === -1 ? edges.length : bin;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

/** The pmf's mass in each bin of `binnedCounts`, the two tails summed out to ±limit. */
export function binnedProbabilities(pmf: Pmf, edges: readonly number[], limit: number): number[] {
  const bounds = [-limit, ...edges, limit + 1];
  return bounds.slice(1).map((end, i) => intervalMass(pmf, bounds[i] ?? 0, end - 1));
}

/** P(lo ≤ X ≤ hi). */
export function intervalMass(pmf: Pmf, lo: number, hi: number): number {
  let mass = 0;
  for (let k = lo; k <= hi; k++) mass += pmf(k);
  return mass;
}

/** P(|X| ≥ t) for t ≥ 1, summed out to ±limit. */
export function tailMass(pmf: Pmf, t: number, limit: number): number {
  return intervalMass(pmf, t, limit) + intervalMass(pmf, -limit, -t);
}

/** True when the sample mean is within Z standard errors of 0, for a law of this variance. */
export function zeroMeanFits(samples: readonly bigint[], variance: number): boolean {
  const mean = samples.reduce((sum, x) => sum + Number(x), 0) / samples.length;
  return Math.abs(mean) <= Z * Math.sqrt(variance / samples.length);
}

/**
 * Symmetry P(+k) = P(−k) for every k at once: given the count at magnitudes
 * in a bin, the number of positive signs is Binomial(·, 1/2), so
 * Σ (c₊ − c₋)²/(c₊ + c₋) over the bins is χ² with one degree of freedom per
 * bin. Magnitudes 1, 2, … are grouped `width` at a time; bins with fewer than
 * 10 draws are left out (their totals carry no information about the signs).
 */
export function signBalanceFits(samples: readonly bigint[], width: number): boolean {
  const plus = new Map<number, number>();
  const minus = new Map<number, number>();
  for (const sample of samples) {
    if (sample === 0n) continue;
    const side = sample > 0n ? plus : minus;
    const bin = Math.floor((Math.abs(Number(sample)) - 1) / width);
    side.set(bin, (side.get(bin) ?? 0) + 1);
  }
  let statistic = 0;
  let df = 0;
  for (const bin of new Set([...plus.keys(), ...minus.keys()])) {
    const p = plus.get(bin) ?? 0;
    const m = minus.get(bin) ?? 0;
    if (p + m < 10) continue;
    statistic += (p - m) ** 2 / (p + m);
    df++;
  }
  return df > 0 && statistic <= chiSquareCritical(df);
}

/** Fewest expected draws per bin of the log-ratio slope (keeps ln(count) close to linear). */
const SLOPE_MIN_EXPECTED = 30;

/**
 * OpenDP's log-ratio slope check, generalised to any pmf: over adjacent bins
 * i → j walking outwards on each side, ln(C_j/C_i) should equal
 * ln(P_j/P_i) (ln a for a discrete Laplace, −(2k+1)/(2σ²) for a discrete
 * Gaussian). Returns the inverse-variance weighted fit λ of
 * ln(C_j/C_i) ≈ λ·ln(P_j/P_i), which is 1 for the right law (b/b_true or
 * σ²/σ²_true otherwise), and its standard error by the delta method
 * (Cov(ln C_i, ln C_j) ≈ [i = j]/(nP_i) − 1/n; the −1/n cancels in ratios),
 * which accounts for neighbouring ratios sharing a bin. Bins are single
 * integers from 0 when `width` is 1, else `width` integers from ±1; a side
 * stops at the first bin expecting fewer than 30 draws.
 */
export function logRatioSlope(
  samples: readonly bigint[],
  pmf: Pmf,
  width: number,
): { estimate: number; se: number } {
  const n = samples.length;
  const histogram = histogramOf(samples);
  const bins = new Map<string, { p: number; c: number }>();
  const pairs: [string, string][] = [];
  const start = width === 1 ? 0 : 1;
  for (const sign of [1, -1]) {
    let previous: string | undefined;
    for (let j = 0; ; j++) {
      const a = start + j * width;
      const [lo, hi] = sign === 1 ? [a, a + width - 1] : [-(a + width - 1), -a];
      const p = intervalMass(pmf, lo, hi);
      if (n * p < SLOPE_MIN_EXPECTED) break;
      let c = 0;
      for (let k = lo; k <= hi; k++) c += histogram.get(k) ?? 0;
      const key = `${lo}:${hi}`;
      bins.set(key, { p, c });
      if (previous !== undefined) pairs.push([previous, key]);
      previous = key;
    }
  }
  return slopeFit(bins, pairs, n);
}

function slopeFit(
  bins: ReadonlyMap<string, { p: number; c: number }>,
  pairs: readonly [string, string][],
  n: number,
): { estimate: number; se: number } {
  const at = (key: string): { p: number; c: number } => bins.get(key) ?? { p: NaN, c: NaN };
  const terms = pairs.map(([i, j]) => {
    const rho = Math.log(at(j).p / at(i).p);
    const weight = 1 / (1 / (n * at(i).p) + 1 / (n * at(j).p));
    return { i, j, rho, weight, r: Math.log(at(j).c / at(i).c) };
  });
  const norm = terms.reduce((sum, t) => sum + t.weight * t.rho ** 2, 0);
  const coefficient = new Map<string, number>();
  let estimate = 0;
  for (const t of terms) {
    const g = (t.weight * t.rho) / norm;
    estimate += g * t.r;
    coefficient.set(t.j, (coefficient.get(t.j) ?? 0) + g);
    coefficient.set(t.i, (coefficient.get(t.i) ?? 0) - g);
  }
  let variance = 0;
  for (const [key, a] of coefficient) variance += a ** 2 / (n * at(key).p);
  return { estimate, se: Math.sqrt(variance) };
}

/** True when the log-ratio slope of the samples matches the pmf's (λ = 1 within Z SE). */
export function slopeFits(samples: readonly bigint[], pmf: Pmf, width: number): boolean {
  const { estimate, se } = logRatioSlope(samples, pmf, width);
  return Math.abs(estimate - 1) <= Z * se;
}
