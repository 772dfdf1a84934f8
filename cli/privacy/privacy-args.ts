/**
 * Command-line privacy parameters, parsed exactly. ρ, ε and δ become
 * rationals (never floats on the way to noise); counts and values become
 * bigints. Every bad value is a `USAGE` error naming the flag, so the CLI
 * prints one line and exits 2.
 */
import { CentileError } from '../../benchmark/errors.js';
import { parseRational } from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import { approxNumber } from './privacy-display.js';

// Long enough for any realistic integer, short enough that nobody allocates a giant bigint.
const INTEGER = /^-?\d{1,40}$/;

/** A `USAGE` error: the CLI prints it on one line and exits with code 2. */
export function usageError(message: string): CentileError {
  return new CentileError('invalid-input', 'USAGE', message);
}

/** The text of a required flag, or a `USAGE` error naming it. */
export function requireArg(text: string | undefined, flag: string): string {
  if (text === undefined) throw usageError(`${flag} is required`);
  return text;
}

/** A rational > 0 such as "0.05", "1e-3" or "1/20" (ρ, ε, a cap). */
export function parsePositiveRationalArg(text: string, flag: string): Rational {
  let value: Rational | undefined;
  try {
    value = parseRational(text);
  } catch {
    value = undefined;
  }
  if (value === undefined || value.num <= 0n) {
    throw usageError(`${flag} must be a positive exact decimal or p/q, e.g. 0.05 or 1/20`);
  }
  return value;
}

/** δ ∈ (0, 1), exactly as typed, and as the number the (display-only) conversion takes. */
export function parseDeltaArg(text: string, flag = '--delta'): { exact: Rational; value: number } {
  const bad = () => usageError(`${flag} must be a number strictly between 0 and 1, e.g. 1e-6`);
  let exact: Rational;
  try {
    exact = parseRational(text);
  } catch {
    throw bad();
  }
  if (exact.num <= 0n || exact.num >= exact.den) throw bad();
  return { exact, value: approxNumber(exact) };
}

/** A decimal integer (a leading minus allowed) within [min, max]. */
export function parseIntegerArg(
  text: string,
  flag: string,
  bounds: { readonly min?: bigint; readonly max?: bigint } = {},
): bigint {
  const value = INTEGER.test(text) ? BigInt(text) : undefined;
  const { min, max } = bounds;
  if (
    value === undefined ||
    (min !== undefined && value < min) ||
    (max !== undefined && value > max)
  ) {
    const range = [min === undefined ? '' : `>= ${min}`, max === undefined ? '' : `<= ${max}`];
    const limits = range.filter((part) => part !== '').join(' and ');
    throw usageError(`${flag} must be an integer${limits === '' ? '' : ` ${limits}`}`);
  }
  return value;
}
