/**
 * Synthetic noisy releases for the statistics tests: true counts drawn per
 * bin as Poisson(n·q_b) and noise as a rounded Gaussian (an integer noise of
 * the discrete Gaussian's variance, up to 1/12), all from a seeded Prng so
 * every test is deterministic.
 */
import type { Prng } from '../../../../benchmark/sim/prng.js';
import { samplePoisson } from '../../../../benchmark/stats/sample-poisson.js';

/** Bin probabilities of a normal(mean, sd) on [0, 1] cut into `bins` equal bins (renormalized). */
export function discretizedNormal(bins: number, mean: number, sd: number): number[] {
  const weights = Array.from({ length: bins }, (_, b) =>
    Math.exp(-(((b + 0.5) / bins - mean) ** 2) / (2 * sd * sd)),
  );
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}

/** One noisy histogram of `bins + 1` cells (last = invalid, left at its noise). */
export function noisyHistogram(
  prng: Prng,
  n: number,
  probabilities: number[],
  sigma2: number,
): number[] {
  const sigma = Math.sqrt(sigma2);
  const noise = (): number => Math.round(sigma * prng.normal());
  return [...probabilities.map((q) => samplePoisson(prng, n * q) + noise()), noise()];
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

export function standardDeviation(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1));
}
