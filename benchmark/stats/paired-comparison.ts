/**
 * Paired comparison of two models evaluated in the same round on the same
 * sites: the difference of a metric (A − B) with a 95% interval.
 *
 * Both models scored the same children, so their metrics' *sampling* errors
 * are correlated; the releases only hold each model's marginal histograms,
 * so that covariance cannot be estimated. Their *DP noise* is independent
 * (each release draws fresh noise). Hence
 *   Var(A − B) = Var_s(A) + Var_s(B) − 2·Cov_s(A, B) + Var_n(A) + Var_n(B),
 * and Var(A) + Var(B) is an upper bound exactly when Cov_s ≥ 0, which is the
 * typical case for two models on the same children (a hard cohort is hard
 * for both). The intervals here are therefore *conservative (assume
 * non-negative correlation)*: too wide when the models agree closely, never
 * too narrow unless their errors are negatively correlated. A significant
 * difference under them is significant; a non-significant one may not be
 * a real tie.
 *
 * `compareEstimates` compares two pooled estimates (bootstrap: variance =
 * se²; meta-analysis: variance = se²). `compareBySite` meta-analyses the
 * per-site differences, which also lets the size of the difference vary
 * between sites (its τ²).
 */
import { normalCdf } from '../growth/normal-cdf.js';
import { dersimonianLaird, Z_95 } from './dersimonian-laird.js';
import type { RandomEffectsResult } from './dersimonian-laird.js';
import { statsError } from './stats-errors.js';

/** A point estimate with its variance (e.g. a `MetricEstimate`, or a pooled result with se²). */
export interface Estimate {
  readonly estimate: number;
  readonly variance: number;
}

/** Difference A − B with a conservative 95% interval. */
export interface PairedDifference {
  readonly difference: number;
  /** √(Var A + Var B): an upper bound on the standard error if Cov ≥ 0. */
  readonly se: number;
  readonly ci95: readonly [number, number];
  /** Two-sided p-value of "no difference" under the same bound (so also conservative). */
  readonly pValue: number;
  /** Names the assumption every reader of the interval must see. */
  readonly method: 'conservative (assumes non-negative correlation)';
}

/** A − B for two estimates of the same metric on the same children. */
export function compareEstimates(a: Estimate, b: Estimate): PairedDifference {
  if (![a.estimate, b.estimate, a.variance, b.variance].every(Number.isFinite)) {
    throw statsError('STATS_INPUT_INVALID', 'estimates and variances must be finite');
  }
  if (a.variance < 0 || b.variance < 0) {
    throw statsError('STATS_INPUT_INVALID', 'variances must be non-negative');
  }
  const difference = a.estimate - b.estimate;
  const se = Math.sqrt(a.variance + b.variance);
  const pValue = se > 0 ? 2 * normalCdf(-Math.abs(difference) / se) : difference === 0 ? 1 : 0;
  return {
    difference,
    se,
    ci95: [difference - Z_95 * se, difference + Z_95 * se],
    pValue,
    method: 'conservative (assumes non-negative correlation)',
  };
}

/**
 * DerSimonian–Laird pooling of per-site differences A_s − B_s with variances
 * Var(A_s) + Var(B_s) (conservative as above). `a[i]` and `b[i]` must be the
 * same site.
 */
export function compareBySite(a: readonly Estimate[], b: readonly Estimate[]): RandomEffectsResult {
  if (a.length !== b.length) {
    throw statsError('STATS_INPUT_INVALID', 'need both models at every site');
  }
  const differences = a.map((site, i) => site.estimate - (b[i] as Estimate).estimate);
  const variances = a.map((site, i) => site.variance + (b[i] as Estimate).variance);
  return dersimonianLaird(differences, variances);
}
