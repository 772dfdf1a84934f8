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
 * Var_noise(A) ≈ σ²·Σ_b (∂A/∂p_b)² + (∂A/∂n_b)². The cells are read as
 * released, negative ones too, as the reported AUROC reads them
 * (benchmark/metrics/noisy-counts.ts), so every cell passes on all of σ².
 * It is deterministic and first-order; the parametric bootstrap
 * (bootstrap-metrics.ts) is the check on it.
 */
import { binnedAuroc } from '../metrics/binned-ranking.js';
import { classesEstimable, sumOf } from '../metrics/noisy-counts.js';
import { hanleyMcNeilVariance } from './hanley-mcneil.js';
import { assertFiniteCounts } from './finite-counts.js';
import type { MetricEstimate } from './metric-estimate.js';
import { assertNoiseVariance } from './noise-variance.js';
import { statsError } from './stats-errors.js';

/**
 * AUROC of class histograms of `bins + 1` noisy cells each (the last counts
 * invalid outputs and is ignored, as in binned-binary.ts), whose cells carry
 * noise of variance `noiseVariance` each (the sum of the sites' σ² for a
 * pool). `null` when a class's noisy total is mostly noise, as for the
 * reported AUROC (noisy-counts.ts).
 */
export function aurocEstimate(
  negative: readonly number[],
  positive: readonly number[],
  noiseVariance: number,
): MetricEstimate | null {
  assertClassHistograms(negative, positive, noiseVariance);
  const neg = negative.slice(0, -1);
  const pos = positive.slice(0, -1);
  if (!classesEstimable(neg, pos, noiseVariance)) return null;
  const auroc = binnedAuroc(neg, pos)?.value;
  if (auroc === undefined) return null;
  const negatives = sumOf(neg);
  const positives = sumOf(pos);
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

/** σ²·Σ_b (∂A/∂p_b)² + (∂A/∂n_b)². */
function noiseOf(
  neg: readonly number[],
  pos: readonly number[],
  auroc: number,
  noiseVariance: number,
): number {
  const negatives = sumOf(neg);
  const positives = sumOf(pos);
  let negativesBelow = 0;
  let positivesAbove = positives;
  let total = 0;
  neg.forEach((n, bin) => {
    const p = pos[bin] as number;
    positivesAbove -= p;
    const byPositive = ((negativesBelow + n / 2) / negatives - auroc) / positives;
    const byNegative = ((positivesAbove + p / 2) / positives - auroc) / negatives;
    total += byPositive * byPositive + byNegative * byNegative;
    negativesBelow += n;
  });
  return noiseVariance * total;
}

/**
 * Throws `STATS_INPUT_INVALID` unless both are finite histograms of the same
 * `bins + 1` cells and the noise variance is valid.
 */
export function assertClassHistograms(
  negative: readonly number[],
  positive: readonly number[],
  noiseVariance: number,
): void {
  if (negative.length < 2 || negative.length !== positive.length) {
    throw statsError('STATS_INPUT_INVALID', 'class histograms need equal lengths of bins + 1');
  }
  assertNoiseVariance(noiseVariance);
  assertFiniteCounts(negative);
  assertFiniteCounts(positive);
}
