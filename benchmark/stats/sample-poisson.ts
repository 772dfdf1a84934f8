/**
 * Poisson variates from a seeded `Prng`, for the parametric bootstrap's
 * resampling of counts. This is uncertainty quantification on released,
 * already-noised numbers, not privacy noise: it must stay reproducible from a
 * seed and must never be used where libsodium's CSPRNG is required.
 *
 * Small means use inversion by sequential search; means ≥ 10 use Hörmann's
 * transformed rejection with squeeze (PTRS, Insurance: Mathematics and
 * Economics 12, 1993), the algorithm NumPy uses, which is exact and takes
 * about one uniform pair per variate at any mean.
 */
import type { Prng } from '../sim/prng.js';
import { logGamma } from './log-gamma.js';

const INVERSION_LIMIT = 10;

/** One draw from Poisson(`mean`); `mean` ≥ 0 (0 gives 0). */
export function samplePoisson(prng: Prng, mean: number): number {
  if (!(mean > 0)) return 0;
  return mean < INVERSION_LIMIT ? byInversion(prng, mean) : byPtrs(prng, mean);
}

function byInversion(prng: Prng, mean: number): number {
  let k = 0;
  let probability = Math.exp(-mean);
  let cumulative = probability;
  const u = prng.uniform();
  // The tail beyond k = 200 has probability below 1e-100 for mean < 10.
  while (u > cumulative && k < 200) {
    k += 1;
    probability *= mean / k;
    cumulative += probability;
  }
  return k;
}

function byPtrs(prng: Prng, mean: number): number {
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const logInverseAlpha = Math.log(1.1239 + 1.1328 / (b - 3.4));
  const acceptDirectly = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = prng.uniform() - 0.5;
    const v = prng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= acceptDirectly) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    const left = Math.log(v) + logInverseAlpha - Math.log(a / (us * us) + b);
    if (left <= -mean + k * logMean - logGamma(k + 1)) return k;
  }
}
