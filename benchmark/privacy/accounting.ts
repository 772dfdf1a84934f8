/**
 * Privacy accounting in zCDP (ρ). Charges are exact rationals computed from
 * the same parameters the samplers use; only the (ε, δ) conversion for people
 * is floating point, and it is display-only (never charged, never fed to noise).
 */
import { privacyError } from './privacy-errors.js';
import { add, createRational, div, mul } from './rational.js';
import type { Rational } from './rational.js';

const TWO = createRational(2n);

function assertPositive(r: Rational, what: string): void {
  if (r.den <= 0n || r.num <= 0n) {
    throw privacyError('INVALID_PRIVACY_PARAMETER', `${what} must be a positive rational`);
  }
}

function assertSensitivity(value: bigint, what: string): void {
  if (typeof value !== 'bigint' || value < 1n) {
    throw privacyError('INVALID_PRIVACY_PARAMETER', `${what} must be a bigint >= 1`);
  }
}

/**
 * σ² = Δ₂²/(2ρ) for the discrete Gaussian. Takes the *squared* L2 sensitivity
 * so √k sensitivities (k overlapping groupings) stay exact integers.
 */
export function gaussianSigma2ForRho(l2SensitivitySquared: bigint, rho: Rational): Rational {
  assertSensitivity(l2SensitivitySquared, 'squared L2 sensitivity');
  assertPositive(rho, 'rho');
  return div(createRational(l2SensitivitySquared), mul(TWO, rho));
}

/**
 * ρ = Δ₂²/(2σ²): the zCDP cost of a discrete Gaussian with variance
 * parameter σ² (CKS20; OpenDP `NoisePrivacyMap_for_ZExpFamily2`). This is the
 * function that prices a release, applied to the σ² the sampler really used.
 */
export function rhoForGaussian(l2SensitivitySquared: bigint, sigma2: Rational): Rational {
  assertSensitivity(l2SensitivitySquared, 'squared L2 sensitivity');
  assertPositive(sigma2, 'sigma2');
  return div(createRational(l2SensitivitySquared), mul(TWO, sigma2));
}

/** b = Δ₁/ε for the discrete Laplace (geometric) mechanism. */
export function laplaceScaleForEpsilon(l1Sensitivity: bigint, epsilon: Rational): Rational {
  assertSensitivity(l1Sensitivity, 'L1 sensitivity');
  assertPositive(epsilon, 'epsilon');
  return div(createRational(l1Sensitivity), epsilon);
}

/** ε = Δ₁/b: the pure-DP cost of a discrete Laplace with scale b. */
export function epsilonForLaplace(l1Sensitivity: bigint, scale: Rational): Rational {
  assertSensitivity(l1Sensitivity, 'L1 sensitivity');
  assertPositive(scale, 'scale');
  return div(createRational(l1Sensitivity), scale);
}

/** ρ = ε²/2: ε-DP implies (ε²/2)-zCDP (Bun–Steinke Prop 1.4), how pure-DP releases are charged. */
export function rhoForPureEpsilon(epsilon: Rational): Rational {
  assertPositive(epsilon, 'epsilon');
  return div(mul(epsilon, epsilon), TWO);
}

/** Σρ: zCDP composes additively, adaptively too (Bun–Steinke). Empty sum is 0. */
export function sumRho(rhos: readonly Rational[]): Rational {
  return rhos.reduce((total, rho) => {
    if (rho.den <= 0n || rho.num < 0n) {
      throw privacyError('INVALID_PRIVACY_PARAMETER', 'rho must be a non-negative rational');
    }
    return add(total, rho);
  }, createRational(0n));
}

const BISECTION_STEPS = 200;

/**
 * δ(ε) for ρ-zCDP by the tight CKS20 conversion, as OpenDP's `cdp_delta`
 * (from Steinke's cdp2adp.py): bisection for the α > 1 that minimises
 * exp((α−1)(αρ−ε))/(α−1) · (1−1/α)^α. Any α gives a valid bound, so an
 * imperfect search only makes δ larger. Display only.
 */
export function cdpDelta(rho: number, epsilon: number): number {
  assertFiniteNonNegative(rho, 'rho');
  assertFiniteNonNegative(epsilon, 'epsilon');
  if (rho === 0) return 0;
  // α ≥ 1.01 avoids numerical trouble; the optimum is ≥ (1 + ε/ρ)/2 anyway.
  let low = 1.01;
  let high = (epsilon + 1) / (2 * rho) + 2;
  let alpha = low;
  for (let i = 0; i < BISECTION_STEPS; i++) {
    alpha = (low + high) / 2;
    const derivative = (2 * alpha - 1) * rho - epsilon + Math.log1p(-1 / alpha);
    if (derivative < 0) low = alpha;
    else high = alpha;
  }
  const exponent = (alpha - 1) * (alpha * rho - epsilon) + alpha * Math.log1p(-1 / alpha);
  return Math.min(Math.exp(exponent) / (alpha - 1), 1);
}

/** The δ at which ρ is also reported as ε everywhere results are shown (privacy.md §8: a fixed, documented δ). */
export const REPORTED_DELTA = 1e-6;

/**
 * The smallest ε (up to bisection precision, rounded towards larger ε) with
 * cdpDelta(ρ, ε) ≤ δ: how a ρ budget is shown to people as (ε, δ).
 * Display only; ρ stays the unit of account.
 */
export function epsilonForRho(rho: number, delta: number): number {
  assertFiniteNonNegative(rho, 'rho');
  if (!(delta > 0 && delta < 1)) {
    throw privacyError('INVALID_PRIVACY_PARAMETER', 'delta must be in (0, 1)');
  }
  if (rho === 0) return 0;
  // The simple bound ρ + 2√(ρ ln(1/δ)) (Bun–Steinke Prop 1.3) always suffices.
  let low = 0;
  let high = rho + 2 * Math.sqrt(rho * Math.log(1 / delta));
  for (let i = 0; i < BISECTION_STEPS; i++) {
    const epsilon = (low + high) / 2;
    if (cdpDelta(rho, epsilon) <= delta) high = epsilon;
    else low = epsilon;
  }
  return high;
}

function assertFiniteNonNegative(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw privacyError('INVALID_PRIVACY_PARAMETER', `${what} must be a finite number >= 0`);
  }
}
