/**
 * Parametric bootstrap intervals for a metric of a noisy histogram release,
 * accounting for both sampling and the known DP noise.
 *
 * The model: the released vector is Y = X + Z, where X are the true counts
 * (random because the cohort is a sample of children: each cell roughly
 * Poisson, and a sum of sites' multinomials is again roughly independent
 * Poisson per cell) and Z is the DP noise, independent per cell with known
 * variance σ² (summed over sites for a pool). The metric is θ̂ = f(clamp(Y)).
 *
 * The bootstrap world needs a stand-in for the unknown X. The obvious one,
 * clamp(Y), is wrong in exactly the way that matters: an empty true cell
 * reads as σ/√(2π) on average after clamping, so clamp(Y) has almost no
 * empty cells, and a world without empty cells clamps away far less than
 * reality did. Clamping biases θ̂ (AUROC towards 0.5, MAE upwards, as
 * spurious mass lands in empty far bins); the world must reproduce that
 * bias to correct it. So the world's truth is the moment-matched count
 *   X̂_b = the x ≥ 0 with E[max(0, x + Z)] = clamp(Y_b)
 * (0 where clamp(Y_b) < σ/√(2π); noise-variance.ts), and then
 *   X* ~ Poisson(X̂) per cell,  Y* = X* + Z*,  Z* ~ N(0, σ²),  θ* = f(clamp(Y*)).
 * Re-adding only noise would miss sampling error, resampling only counts
 * would miss the noise; both are replayed, with *fresh* noise.
 *
 * The interval is the basic bootstrap with the world's own truth
 * θ_w = f(X̂): θ̂ − θ is distributed like θ* − θ_w, so
 *   [θ̂ + θ_w − θ*₉₇.₅,  θ̂ + θ_w − θ*₂.₅],
 * clipped to the metric's range (with σ² = 0, X̂ = clamp(Y), θ_w = θ̂ and
 * this is the textbook basic interval). The percentile interval
 * [θ*₂.₅, θ*₉₇.₅] would carry the clamping bias twice; in simulations it
 * covered the true AUROC in 0–28% of runs at realistic σ².
 *
 * Coverage of the true metric in simulated releases (20 score bins; 80
 * error bins; 200 releases per run): AUROC 0.925 on average over seven
 * runs (0.90–0.945) at 2000 negatives + 500 positives with σ² = 16, 0.89 at
 * 4500 + 500 with σ² = 105, 0.84 at 900 + 100 with σ² = 35; MAE 0.89 on
 * average (0.84–0.94) at n = 2000 with σ² = 16, 0.875 at σ² = 35, 0.46 at
 * n = 500 with σ² = 35 (with clamp(Y) as the world's truth: 0.88, 0.825,
 * 0.31). Where the noise swamps the counts, the clamped metric's bias
 * outgrows what an interval around it can repair.
 *
 * Randomness: a seeded `Prng` (sim/prng.ts), so a stored result can be
 * recomputed exactly. This is uncertainty quantification of numbers that
 * are already private; it is post-processing and must not, and does not,
 * use the privacy samplers (libsodium, gaussian-release.ts).
 */
import { createPrng } from '../sim/prng.js';
import { assertNoiseVariance, unclampedCount } from './noise-variance.js';
import { samplePoisson } from './sample-poisson.js';
import { statsError } from './stats-errors.js';
import { toUsableCounts } from './usable-counts.js';

/** Replicates drawn unless asked otherwise. */
export const DEFAULT_REPLICATES = 1000;

/** How to draw the replicates. */
export interface BootstrapOptions {
  /** Seed of the replicates: same seed and input → same interval. */
  readonly seed: string;
  /** Replicates B (default 1000), at least 100. */
  readonly replicates?: number;
  /** The metric's range, to clip the interval to (e.g. [0, 1] for AUROC). */
  readonly range?: readonly [number, number];
}

/** A bootstrap 95% interval around the metric of the observed counts. */
export interface BootstrapInterval {
  /** f(clamp(observed)): the reported metric. */
  readonly estimate: number;
  /**
   * The estimate corrected for the bias the bootstrap finds (clamping pulls
   * metrics of noisy counts towards chance): the interval's centre, always
   * inside it, unlike `estimate` at small noisy sites.
   */
  readonly corrected: number;
  /** Basic-bootstrap 95% interval (around the world's truth), clipped to the range. */
  readonly lower: number;
  readonly upper: number;
  /** Standard deviation of the replicates (sampling + noise): use se² as the variance. */
  readonly se: number;
  /** Replicates where the metric was defined (e.g. both classes non-empty). */
  readonly replicates: number;
}

/** A metric of usable (clamped, non-negative) counts; `null` where undefined. */
export type CountStatistic = (counts: readonly number[]) => number | null;

/**
 * Bootstrap interval of `statistic` over the `noisy` cells, each carrying DP
 * noise of variance `noiseVariance`. `null` when the metric is undefined for
 * the observed counts or the world's truth, or in half the replicates or more.
 */
export function parametricBootstrap(
  noisy: readonly number[],
  noiseVariance: number,
  statistic: CountStatistic,
  options: BootstrapOptions,
): BootstrapInterval | null {
  assertNoiseVariance(noiseVariance);
  const total = options.replicates ?? DEFAULT_REPLICATES;
  if (!Number.isInteger(total) || total < 100) {
    throw statsError('STATS_INPUT_INVALID', 'replicates must be an integer of at least 100');
  }
  const counts = toUsableCounts(noisy);
  const estimate = statistic(counts);
  const truth = counts.map((count) => unclampedCount(count, noiseVariance));
  const worldValue = statistic(truth);
  if (estimate === null || worldValue === null) return null;
  const draws = drawReplicates(truth, noiseVariance, statistic, options.seed, total);
  if (draws.length < total / 2) return null;
  return summarize({ estimate, worldValue }, draws, options.range);
}

function drawReplicates(
  counts: readonly number[],
  noiseVariance: number,
  statistic: CountStatistic,
  seed: string,
  total: number,
): number[] {
  const prng = createPrng(seed);
  const sigma = Math.sqrt(noiseVariance);
  const replica = new Array<number>(counts.length).fill(0);
  const draws: number[] = [];
  for (let r = 0; r < total; r += 1) {
    counts.forEach((count, cell) => {
      replica[cell] = samplePoisson(prng, count) + sigma * prng.normal();
    });
    const value = statistic(toUsableCounts(replica));
    if (value !== null) draws.push(value);
  }
  return draws;
}

function summarize(
  { estimate, worldValue }: { estimate: number; worldValue: number },
  draws: number[],
  range: readonly [number, number] | undefined,
): BootstrapInterval {
  draws.sort((a, b) => a - b);
  const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
  const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
  const [low, high] = range ?? [-Infinity, Infinity];
  const clip = (value: number): number => Math.min(high, Math.max(low, value));
  return {
    estimate,
    corrected: clip(estimate + worldValue - quantile(draws, 0.5)),
    lower: clip(estimate + worldValue - quantile(draws, 0.975)),
    upper: clip(estimate + worldValue - quantile(draws, 0.025)),
    se: Math.sqrt(variance),
    replicates: draws.length,
  };
}

/** Linear-interpolation quantile (R type 7) of sorted `values`. */
export function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below] as number;
  return fraction === 0 ? low : low + fraction * ((sorted[below + 1] as number) - low);
}
