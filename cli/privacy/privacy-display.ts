/**
 * How privacy amounts are shown to people. ρ is the unit of account and is
 * always printed exactly (p/q) next to a decimal; ε at δ comes from the tight
 * CKS20 conversion and, like every float here, is for reading only: nothing
 * computed in this file is charged or reaches a sampler.
 */
import { epsilonForRho } from '../../benchmark/privacy/accounting.js';
import { formatRational, toNumber } from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';

/**
 * A rational as a float, accurate for tiny values too (where `toNumber`'s
 * fixed 2⁻⁵³ resolution would print 0).
 */
export function approxNumber(r: Rational): number {
  const quotient = Number(r.num) / Number(r.den);
  return Number.isFinite(quotient) && quotient !== 0 ? quotient : toNumber(r);
}

/** Four significant digits, in exponent notation only when very large or small. */
export function formatApprox(x: number): string {
  if (x === 0 || !Number.isFinite(x)) return String(x);
  const magnitude = Math.abs(x);
  if (magnitude >= 1e6 || magnitude < 1e-4) return x.toExponential(3);
  return String(Number(x.toPrecision(4)));
}

/** δ as people write it: 1e-6 rather than 0.000001. */
export function formatDelta(delta: number): string {
  return delta < 1e-3 ? delta.toExponential() : String(delta);
}

/** "1/20 (0.05)": the exact ρ the ledger stores and a decimal to read. */
export function formatExact(r: Rational): string {
  const exact = formatRational(r);
  const decimal = formatApprox(approxNumber(r));
  return exact === decimal ? exact : `${exact} (${decimal})`;
}

/** ε such that ρ-zCDP implies (ε, δ)-DP, by the tight CKS20 conversion; 0 for ρ = 0. */
export function epsilonAtDelta(rho: Rational, delta: number): number {
  return epsilonForRho(approxNumber(rho), delta);
}

/** σ = √σ² for display; σ² itself stays exact. */
export function sigmaOf(sigma2: Rational): number {
  return Math.sqrt(approxNumber(sigma2));
}
