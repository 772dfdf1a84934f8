/**
 * DerSimonian–Laird random-effects meta-analysis (Controlled Clinical Trials
 * 7, 1986): how sites' estimates of one metric pool when the sites differ by
 * more than their sampling error, and how much they differ (τ², I²).
 *
 * With study estimates yᵢ, variances vᵢ and fixed-effect weights wᵢ = 1/vᵢ:
 *   Q  = Σ wᵢ (yᵢ − ȳ_FE)²,   C = Σ wᵢ − Σ wᵢ² / Σ wᵢ,
 *   τ² = max(0, (Q − (k − 1)) / C)        (the method-of-moments estimate),
 *   wᵢ* = 1/(vᵢ + τ²),  μ̂ = Σ wᵢ* yᵢ / Σ wᵢ*,  SE(μ̂) = 1/√Σ wᵢ*,
 *   I² = max(0, (Q − (k − 1)) / Q)        (Higgins & Thompson 2002),
 * and the 95% prediction interval for a new site's true value
 * μ̂ ± t_{k−2, 0.975} √(τ² + SE²) (Higgins, Thompson & Spiegelhalter 2009),
 * which needs k ≥ 3. For DL, I² equals τ²/(τ² + s²) with Higgins and
 * Thompson's typical within-study variance s² = (k − 1)/C, which is how
 * metafor reports it; the BCG test checks both against metafor.
 *
 * The confidence interval uses the normal quantile, as metafor's and Stata's
 * `metan` defaults do; with few sites it is known to be too narrow
 * (Hartung–Knapp adjusts for that), which the prediction interval and I²
 * make visible rather than hide.
 */
import { sumOf } from '../metrics/noisy-counts.js';
import { normalQuantile } from '../growth/normal-cdf.js';
import { statsError } from './stats-errors.js';
import { studentTQuantile } from './student-t.js';

/** z_{0.975}, for 95% intervals. */
export const Z_95 = normalQuantile(0.975);

/** A random-effects pooled estimate and its heterogeneity. */
export interface RandomEffectsResult {
  /** Number of studies (sites) pooled. */
  readonly k: number;
  /** μ̂, the inverse-(vᵢ + τ²)-weighted mean. */
  readonly pooled: number;
  /** Standard error of μ̂. */
  readonly se: number;
  /** μ̂ ± z_{0.975}·SE. */
  readonly ci95: readonly [number, number];
  /** Between-site variance (DL, truncated at 0); 0 when k = 1. */
  readonly tau2: number;
  /** Cochran's Q (df = k − 1); 0 when k = 1. */
  readonly q: number;
  /** Share of the variability due to heterogeneity, a fraction in [0, 1) (metafor prints it ×100). */
  readonly i2: number;
  /** 95% interval for a new site's true value (t, k − 2 df); `null` when k < 3. */
  readonly predictionInterval: readonly [number, number] | null;
}

/**
 * Pools `estimates` with their sampling `variances` (same length, k ≥ 1, all
 * finite). A variance ≤ 0 is refused with `STATS_VARIANCE_NOT_POSITIVE`
 * rather than clamped: a weight of 1/0 would let one site decide the pool,
 * and any clamp floor would be an arbitrary weight. With k = 1 the result is
 * that site's estimate and standard error, with no heterogeneity.
 */
export function dersimonianLaird(
  estimates: readonly number[],
  variances: readonly number[],
): RandomEffectsResult {
  assertStudies(estimates, variances);
  const k = estimates.length;
  const weights = variances.map((v) => 1 / v);
  const fixed = weightedMean(estimates, weights);
  const q = sumOf(estimates.map((y, i) => (weights[i] as number) * (y - fixed) ** 2));
  const sumW = sumOf(weights);
  const c = sumW - sumOf(weights.map((w) => w * w)) / sumW;
  const excess = Math.max(0, q - (k - 1));
  const tau2 = k > 1 && c > 0 ? excess / c : 0;
  const randomWeights = variances.map((v) => 1 / (v + tau2));
  const pooled = weightedMean(estimates, randomWeights);
  const se = 1 / Math.sqrt(sumOf(randomWeights));
  return {
    k,
    pooled,
    se,
    ci95: [pooled - Z_95 * se, pooled + Z_95 * se],
    tau2,
    q,
    i2: q > 0 ? excess / q : 0,
    predictionInterval: k >= 3 ? predictionInterval(pooled, se, tau2, k) : null,
  };
}

function predictionInterval(
  pooled: number,
  se: number,
  tau2: number,
  k: number,
): readonly [number, number] {
  const half = studentTQuantile(0.975, k - 2) * Math.sqrt(tau2 + se * se);
  return [pooled - half, pooled + half];
}

function assertStudies(estimates: readonly number[], variances: readonly number[]): void {
  if (estimates.length === 0 || estimates.length !== variances.length) {
    throw statsError('STATS_INPUT_INVALID', 'need one variance per estimate and at least one');
  }
  if (![...estimates, ...variances].every(Number.isFinite)) {
    throw statsError('STATS_INPUT_INVALID', 'estimates and variances must be finite');
  }
  if (!variances.every((v) => v > 0)) {
    throw statsError('STATS_VARIANCE_NOT_POSITIVE', 'every study variance must be positive');
  }
}

function weightedMean(values: readonly number[], weights: readonly number[]): number {
  return sumOf(values.map((y, i) => (weights[i] as number) * y)) / sumOf(weights);
}
