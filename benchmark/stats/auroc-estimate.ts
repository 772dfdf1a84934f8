/**
 * A site's (or a pool's) AUROC with its variance, from the two noisy class
 * histograms of one label in one released group: the input of a
 * random-effects meta-analysis of AUROC across sites.
 *
 * Sampling variance: Hanley–McNeil from the AUROC and the class sizes.
 * Noise variance: the delta method. The binned AUROC is
 * A = Σ_b p_b (N_{<b} + n_b/2) / (P·N), so
 *   ∂A/∂p_b = (F⁻_b − A)/P,  F⁻_b = (N_{<b} + n_b/2)/N  (negatives' mid-CDF),
 *   ∂A/∂n_b = (G⁺_b − A)/N,  G⁺_b = (P_{>b} + p_b/2)/P  (positives' mid-survival),
 * and cells carry independent noise, so
 * Var_noise(A) ≈ Σ_b (∂A/∂p_b)²·v(p_b) + (∂A/∂n_b)²·v(n_b), where v(c) is
 * the variance the noise keeps through the clamp at a cell of count c (σ²
 * for large counts, 0.34σ² at 0; noise-variance.ts). Using σ² for every
 * cell instead overstated the noise standard error 1.4–1.9× in simulations
 * with many near-empty bins, which would shrink τ² in a meta-analysis.
 * It is deterministic and first-order; the parametric bootstrap
 * (bootstrap-metrics.ts) is the check on it.
 *
 * Under heavy noise the clamped AUROC itself is biased towards 0.5 (empty
 * bins of both classes read as σ/√(2π) each); this variance does not cover
 * that bias, which shifts every site the same way.
 */
import { binnedAuroc } from '../metrics/binned-ranking.js';
import { hanleyMcNeilVariance } from './hanley-mcneil.js';
import type { MetricEstimate } from './metric-estimate.js';
import { assertNoiseVariance, clampedNoiseVariance } from './noise-variance.js';
import { statsError } from './stats-errors.js';
import { toUsableCounts } from './usable-counts.js';

/**
 * AUROC of class histograms of `bins + 1` noisy cells each (the last counts
 * invalid outputs and is ignored, as in binned-binary.ts), whose cells carry
 * noise of variance `noiseVariance` each (the sum of the sites' σ² for a
 * pool). `null` when a class is empty after clamping.
 */
export function aurocEstimate(
  negative: readonly number[],
  positive: readonly number[],
  noiseVariance: number,
): MetricEstimate | null {
  assertHistograms(negative, positive, noiseVariance);
  const neg = toUsableCounts(negative.slice(0, -1));
  const pos = toUsableCounts(positive.slice(0, -1));
  const auroc = binnedAuroc(neg, pos)?.value;
  if (auroc === undefined) return null;
  const negatives = sum(neg);
  const positives = sum(pos);
  const samplingVariance = hanleyMcNeilVariance(auroc, positives, negatives);
  const noise = noiseOf(neg, pos, auroc, noiseVariance);
  return {
    estimate: auroc,
    variance: samplingVariance + noise,
    samplingVariance,
    noiseVariance: noise,
    n: positives + negatives,
  };
}

/** Σ_b (∂A/∂p_b)²·v(p_b) + (∂A/∂n_b)²·v(n_b), v the clamped noise variance of a cell. */
function noiseOf(
  neg: readonly number[],
  pos: readonly number[],
  auroc: number,
  noiseVariance: number,
): number {
  const negatives = sum(neg);
  const positives = sum(pos);
  let negativesBelow = 0;
  let positivesAbove = positives;
  let total = 0;
  neg.forEach((n, bin) => {
    const p = pos[bin] as number;
    positivesAbove -= p;
    const byPositive = ((negativesBelow + n / 2) / negatives - auroc) / positives;
    const byNegative = ((positivesAbove + p / 2) / positives - auroc) / negatives;
    total +=
      byPositive * byPositive * clampedNoiseVariance(p, noiseVariance) +
      byNegative * byNegative * clampedNoiseVariance(n, noiseVariance);
    negativesBelow += n;
  });
  return total;
}

function assertHistograms(
  negative: readonly number[],
  positive: readonly number[],
  noiseVariance: number,
): void {
  if (negative.length < 2 || negative.length !== positive.length) {
    throw statsError('STATS_INPUT_INVALID', 'class histograms need equal lengths of bins + 1');
  }
  assertNoiseVariance(noiseVariance);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
