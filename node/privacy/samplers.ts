/**
 * Exact samplers of Canonne, Kamath & Steinke 2020 ("CKS20"), as in OpenDP's
 * `traits/samplers/cks20` and privacy.md §4. Every step is bigint or exact
 * rational arithmetic on parameters that arrive as rationals: no float ever
 * touches the noise, so the output distribution is exactly the one the
 * privacy proof is about (no Mironov porous-support attack). The only
 * randomness is `RandomSource.uniformBelow`.
 *
 * Timing leaks |noise| (the loops run longer for large draws, Jin et al.
 * 2022): callers release at fixed deadlines, not as soon as sampling ends.
 */
import { privacyError } from '../../benchmark/privacy/privacy-errors.js';
import type { RandomSource } from '../../benchmark/privacy/random-source.js';
import { createRational, isqrtFloor } from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';

/** A validated, reduced non-negative rational; anything else is refused before sampling. */
function checked(r: Rational, what: string): Rational {
  const ok =
    typeof r === 'object' &&
    r !== null &&
    typeof r.num === 'bigint' &&
    typeof r.den === 'bigint' &&
    r.den > 0n &&
    r.num >= 0n;
  if (!ok) throw privacyError('INVALID_PRIVACY_PARAMETER', `${what} must be a rational >= 0`);
  return createRational(r.num, r.den);
}

function bernoulli(num: bigint, den: bigint, rng: RandomSource): boolean {
  return rng.uniformBelow(den) < num;
}

// Bernoulli(e^{-num/den}) for num/den ∈ [0, 1]: von Neumann's alternating series (CKS20 Alg. 1).
function bernoulliExp1(num: bigint, den: bigint, rng: RandomSource): boolean {
  for (let k = 1n; ; k++) {
    if (!bernoulli(num, den * k, rng)) return k % 2n === 1n;
  }
}

// Bernoulli(e^{-x}) for x ≥ 0 as a product of Bernoulli(e^{-1}) and one Bernoulli(e^{-frac}).
function bernoulliExp(num: bigint, den: bigint, rng: RandomSource): boolean {
  let rest = num;
  while (rest > den) {
    if (!bernoulliExp1(1n, 1n, rng)) return false;
    rest -= den;
  }
  return bernoulliExp1(rest, den, rng);
}

// P[K = k] = (1 − e^{−s/t}) e^{−ks/t}: a uniform remainder in [0, t) accepted w.p. e^{−u/t},
// plus t times a Geometric(1 − e^{−1}), then ⌊·/s⌋ (CKS20 Alg. 2).
function geometricExp(s: bigint, t: bigint, rng: RandomSource): bigint {
  let u = rng.uniformBelow(t);
  while (!bernoulliExp(u, t, rng)) u = rng.uniformBelow(t);
  let v = 0n;
  while (bernoulliExp1(1n, 1n, rng)) v++;
  return (u + t * v) / s;
}

// Scale b = bNum/bDen > 0, reduced. P[X = x] = (1−a)/(1+a)·a^{|x|}, a = e^{−1/b}.
function discreteLaplace(bNum: bigint, bDen: bigint, rng: RandomSource): bigint {
  for (;;) {
    const positive = rng.uniformBelow(2n) === 1n;
    const magnitude = geometricExp(bDen, bNum, rng);
    // Rejecting (negative, 0) keeps 0 from getting twice the mass of ±1·a^0.
    if (positive || magnitude !== 0n) return positive ? magnitude : -magnitude;
  }
}

/** Bernoulli(p) for a rational p ∈ [0, 1]. */
export function sampleBernoulli(p: Rational, rng: RandomSource): boolean {
  const { num, den } = checked(p, 'probability');
  if (num > den) throw privacyError('INVALID_PRIVACY_PARAMETER', 'probability must be <= 1');
  return bernoulli(num, den, rng);
}

/** Bernoulli(e^{−x}) for a rational x ∈ [0, 1]. */
export function sampleBernoulliExp1(x: Rational, rng: RandomSource): boolean {
  const { num, den } = checked(x, 'exponent');
  if (num > den) throw privacyError('INVALID_PRIVACY_PARAMETER', 'exponent must be <= 1');
  return bernoulliExp1(num, den, rng);
}

/** Bernoulli(e^{−x}) for a rational x ≥ 0. */
export function sampleBernoulliExp(x: Rational, rng: RandomSource): boolean {
  const { num, den } = checked(x, 'exponent');
  return bernoulliExp(num, den, rng);
}

/** K ≥ 0 with P[K = k] = (1 − e^{−x}) e^{−kx}, for a rational rate x > 0. */
export function sampleGeometricExp(x: Rational, rng: RandomSource): bigint {
  const { num, den } = checked(x, 'rate');
  if (num === 0n) throw privacyError('INVALID_PRIVACY_PARAMETER', 'rate must be > 0');
  return geometricExp(num, den, rng);
}

/**
 * Discrete Laplace with scale b: P[X = x] ∝ e^{−|x|/b}, variance 2a/(1−a)²
 * with a = e^{−1/b}. Charged ε = Δ₁/b. Scale 0 returns 0 (no noise).
 */
export function sampleDiscreteLaplace(scale: Rational, rng: RandomSource): bigint {
  const { num, den } = checked(scale, 'scale');
  if (num === 0n) return 0n;
  return discreteLaplace(num, den, rng);
}

/**
 * Discrete Gaussian with variance parameter σ²: P[X = x] ∝ e^{−x²/(2σ²)}.
 * Parameterised by σ², not σ, so σ² = Δ₂²/(2ρ) stays exact (no square root).
 * Charged ρ = Δ₂²/(2σ²). σ² = 0 returns 0 (no noise).
 */
export function sampleDiscreteGaussian(sigma2: Rational, rng: RandomSource): bigint {
  const { num: p, den: q } = checked(sigma2, 'sigma2');
  if (p === 0n) return 0n;
  // t = ⌊σ⌋ + 1 (CKS20's efficient choice; any integer t ≥ 1 is correct): ⌊√(p/q)⌋ = isqrt(⌊p/q⌋).
  const t = isqrtFloor(p / q) + 1n;
  for (;;) {
    const y = discreteLaplace(t, 1n, rng);
    const magnitude = y < 0n ? -y : y;
    // Accept w.p. exp(−(|y| − σ²/t)²/(2σ²)) = exp(−d²/(2pqt²)) with d = |y|qt − p.
    const d = magnitude * q * t - p;
    if (bernoulliExp(d * d, 2n * p * q * t * t, rng)) return y;
  }
}
