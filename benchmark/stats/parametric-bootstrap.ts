/**
 * Parametric bootstrap intervals for a metric of a noisy histogram release,
 * accounting for both sampling and the known DP noise.
 *
 * The model: the released vector is Y = X + Z, where X are the true counts
 * (random because the cohort is a sample of children: each cell roughly
 * Poisson, and a sum of sites' multinomials is again roughly independent
 * Poisson per cell) and Z is the DP noise, independent per cell with known
 * variance σ² (summed over sites for a pool). The metric is θ̂ = f(Y), read
 * as released (benchmark/metrics/noisy-counts.ts), nearly unbiased.
 *
 * The bootstrap world's truth X̂ is, per histogram, the nearest
 * non-negative counts with the release's total (nearest-counts.ts); then
 *   X* ~ Poisson(X̂) per cell,  Y* = X* + Z*,  Z* ~ N(0, σ²),  θ* = f(Y*).
 * Re-adding only noise would miss sampling error, resampling only counts
 * would miss the noise; both are replayed, with *fresh* noise.
 *
 * The interval is the world's percentile interval moved from the world's
 * truth θ_w = f(X̂) to the estimate:
 *   [θ̂ − θ_w + θ*₂.₅,  θ̂ − θ_w + θ*₉₇.₅],
 * clipped to the metric's range (with σ² = 0, X̂ = Y and θ_w = θ̂: the plain
 * percentile interval). The shift keeps what X̂ gets wrong about the centre
 * out of the interval. The basic interval [θ̂ + θ_w − θ*₉₇.₅, θ̂ + θ_w − θ*₂.₅]
 * mirrors the replicates' skew, which is wrong for a bounded metric: near
 * AUROC 1 the upper replicates are cut off at 1, which shortened its lower
 * arm, and the truth fell below it in 11% of runs at 900 + 100, σ² = 35.
 *
 * Coverage of the true metric in simulated releases (20 score bins; 80
 * error bins; 400 releases per case, 500 replicates each): AUROC 0.955 at
 * 2000 negatives + 500 positives with σ² = 16, 0.973 at 4500 + 500 with
 * σ² = 105, 0.976 at 900 + 100 with σ² = 35 (in the 95% of releases where
 * the positives are not mostly noise); MAE 0.935 at n = 2000 with σ² = 16,
 * 0.94 at σ² = 35, 0.915 at n = 500 with σ² = 35. Where a class is mostly
 * noise there is no metric and no interval (noisy-counts.ts).
 *
 * Randomness: a seeded `Prng` (sim/prng.ts), so a stored result can be
 * recomputed exactly. This is uncertainty quantification of numbers that
 * are already private; it is post-processing and must not, and does not,
 * use the privacy samplers (libsodium, gaussian-release.ts).
 */
import { clip, sumOf } from '../metrics/noisy-counts.js';
import { createPrng } from '../sim/prng.js';
import { assertFiniteCounts } from './finite-counts.js';
import { nearestCounts } from './nearest-counts.js';
import { assertNoiseVariance } from './noise-variance.js';
import { samplePoisson } from './sample-poisson.js';
import { statsError } from './stats-errors.js';

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
  /**
   * Lengths of the histograms the cells are made of, in order (default: one
   * histogram of every cell): the world keeps each one's total (two classes
   * for AUROC).
   */
  readonly histograms?: readonly number[];
}

/** A bootstrap 95% interval around the metric of the observed counts. */
export interface BootstrapInterval {
  /** f(observed): the reported metric. */
  readonly estimate: number;
  /** 95%: the world's percentile interval moved by θ̂ − θ_w, clipped to the range. */
  readonly lower: number;
  readonly upper: number;
  /** Standard deviation of the replicates (sampling + noise): use se² as the variance. */
  readonly se: number;
  /** Replicates where the metric was defined (e.g. both classes non-empty). */
  readonly replicates: number;
}

/** A metric of noisy counts (any finite numbers); `null` where undefined. */
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
  assertFiniteCounts(noisy);
  const estimate = statistic(noisy);
  const truth = worldCounts(noisy, options.histograms ?? [noisy.length]);
  const worldValue = statistic(truth);
  if (estimate === null || worldValue === null) return null;
  const draws = drawReplicates(truth, noiseVariance, statistic, options.seed, total);
  if (draws.length < total / 2) return null;
  return summarize({ estimate, worldValue }, draws, options.range);
}

/** The world's true counts: each histogram's nearest non-negative counts of the same total. */
function worldCounts(noisy: readonly number[], histograms: readonly number[]): number[] {
  if (sumOf(histograms) !== noisy.length) {
    throw statsError('STATS_INPUT_INVALID', 'histogram lengths do not add up to the cells');
  }
  let start = 0;
  return histograms.flatMap((length) => nearestCounts(noisy.slice(start, (start += length))));
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
    const value = statistic(replica);
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
  const mean = sumOf(draws) / draws.length;
  const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
  const [low, high] = range ?? [-Infinity, Infinity];
  const moved = (p: number): number => clip(estimate - worldValue + quantile(draws, p), low, high);
  return {
    estimate,
    lower: moved(0.025),
    upper: moved(0.975),
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
