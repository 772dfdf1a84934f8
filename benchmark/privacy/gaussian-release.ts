/**
 * What a discrete-Gaussian release claims about itself. One function builds
 * it from (Δ₂², ρ), and both the noise (σ²) and the charge (ρ) are read back
 * from the same object, so what is charged cannot drift from what is applied.
 * The claim is pure data: the coordinator re-verifies it with
 * `parseGaussianRelease` without trusting the node's arithmetic.
 */
import { gaussianSigma2ForRho, rhoForGaussian } from './accounting.js';
import { privacyError } from './privacy-errors.js';
import { compare, formatRational, parseRational } from './rational.js';
import type { Rational } from './rational.js';

/** The signed description of a discrete-Gaussian release; rationals as "p/q". */
export interface GaussianRelease {
  readonly mechanism: 'discrete_gaussian';
  /** Variance parameter σ² of the noise added to every coordinate. */
  readonly sigma2: string;
  /** Squared L2 sensitivity Δ₂² of the released vector, an integer. */
  readonly l2SensitivitySquared: string;
  /** zCDP cost Δ₂²/(2σ²), recomputed from `sigma2`: exactly what the ledger charges. */
  readonly rho: string;
}

/** The exact parameters behind a verified `GaussianRelease`. */
export interface GaussianReleaseParameters {
  readonly sigma2: Rational;
  readonly l2SensitivitySquared: bigint;
  readonly rho: Rational;
}

/**
 * Plans a release spending `rho` on a vector with squared L2 sensitivity Δ₂²:
 * σ² = Δ₂²/(2ρ), and the stated ρ is recomputed from that σ² (equal to the
 * request by exact arithmetic, asserted anyway because it is the invariant).
 */
export function planGaussianRelease(l2SensitivitySquared: bigint, rho: Rational): GaussianRelease {
  const sigma2 = gaussianSigma2ForRho(l2SensitivitySquared, rho);
  const charged = rhoForGaussian(l2SensitivitySquared, sigma2);
  if (compare(charged, rho) !== 0) {
    throw privacyError('INVALID_RELEASE_CLAIM', 'charged rho differs from requested rho');
  }
  return {
    mechanism: 'discrete_gaussian',
    sigma2: formatRational(sigma2),
    l2SensitivitySquared: l2SensitivitySquared.toString(),
    rho: formatRational(charged),
  };
}

/**
 * Parses and verifies an untrusted release description: canonical rationals,
 * a positive integer sensitivity and ρ = Δ₂²/(2σ²) exactly. Throws
 * `INVALID_RELEASE_CLAIM` otherwise.
 */
export function parseGaussianRelease(value: unknown): GaussianReleaseParameters {
  const bad = (cause?: unknown): never => {
    throw privacyError(
      'INVALID_RELEASE_CLAIM',
      'gaussian release description is inconsistent',
      cause,
    );
  };
  if (typeof value !== 'object' || value === null) return bad();
  const claim = value as Partial<Record<keyof GaussianRelease, unknown>>;
  if (claim.mechanism !== 'discrete_gaussian') return bad();
  try {
    const sigma2 = parseCanonical(claim.sigma2);
    const sensitivity = parseCanonical(claim.l2SensitivitySquared);
    const rho = parseCanonical(claim.rho);
    if (sensitivity.den !== 1n) return bad();
    const expected = rhoForGaussian(sensitivity.num, sigma2);
    if (compare(expected, rho) !== 0) return bad();
    return { sigma2, l2SensitivitySquared: sensitivity.num, rho };
  } catch (error) {
    return bad(error);
  }
}

/** A rational in the exact text form `formatRational` writes, so equal values have equal bytes. */
function parseCanonical(text: unknown): Rational {
  const value = parseRational(text);
  if (formatRational(value) !== text)
    throw privacyError('INVALID_RATIONAL', 'non-canonical rational');
  return value;
}
