/**
 * The discrete Gaussian mechanism on integer vectors (counts, quantised
 * sums). Each coordinate gets its own independent draw: reusing one draw
 * across coordinates or requests would let differences cancel the noise.
 */
import { parseGaussianRelease } from '../../benchmark/privacy/gaussian-release.js';
import type { GaussianRelease } from '../../benchmark/privacy/gaussian-release.js';
import type { RandomSource } from '../../benchmark/privacy/random-source.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import { sampleDiscreteGaussian } from './samplers.js';

/** counts[i] + Z_i with Z_i i.i.d. discrete Gaussian(σ²); raw integers, negatives kept. */
export function addDiscreteGaussianNoise(
  counts: readonly bigint[],
  sigma2: Rational,
  rng: RandomSource,
): bigint[] {
  return counts.map((count) => count + sampleDiscreteGaussian(sigma2, rng));
}

/**
 * Noises `counts` with the σ² written in `release` itself, after re-verifying
 * that its ρ follows from that σ²: the claim that is signed and charged is
 * the one applied.
 */
export function addGaussianReleaseNoise(
  counts: readonly bigint[],
  release: GaussianRelease,
  rng: RandomSource,
): bigint[] {
  const { sigma2 } = parseGaussianRelease(release);
  return addDiscreteGaussianNoise(counts, sigma2, rng);
}
