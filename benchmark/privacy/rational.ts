/**
 * Exact rationals over bigint. Every privacy parameter (ρ, ε, σ², scales,
 * budgets) travels as one of these, never as a JS number: a float ρ summed
 * ten times is not 10ρ, and a float scale reaching a sampler reopens the
 * Mironov (2012) floating-point attack. OpenDP had a rational-division bug
 * (cmpute/dashu#57), hence the small, separately tested helpers here.
 */
import { privacyError } from './privacy-errors.js';

/** A reduced fraction: gcd(|num|, den) = 1 and den > 0. Zero is 0/1. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

/** Options of `parseRational`. */
export interface ParseRationalOptions {
  /** Accept a leading minus sign. Privacy parameters never need one. */
  readonly allowNegative?: boolean;
}

const MAX_TEXT_LENGTH = 200;
// An exponent bound keeps "1e999999999" from allocating a gigantic power of ten.
const MAX_EXPONENT = 400n;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^(-?)(\d+)\/(\d+)$/;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The reduced rational num/den; throws `INVALID_RATIONAL` when den is 0. */
export function createRational(num: bigint, den = 1n): Rational {
  if (typeof num !== 'bigint' || typeof den !== 'bigint' || den === 0n) {
    throw privacyError(
      'INVALID_RATIONAL',
      'a rational needs bigint parts and a non-zero denominator',
    );
  }
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den);
  return { num: (sign * num) / g, den: (sign * den) / g };
}

/**
 * Parses "3", "0.05", "1e-6", "2.5E3" or "3/7" exactly. Rejects floats passed
 * as numbers, NaN, Infinity, empty text, whitespace and, unless allowed,
 * negatives, each with `INVALID_RATIONAL`.
 */
export function parseRational(text: unknown, options: ParseRationalOptions = {}): Rational {
  const bad = (): never => {
    throw privacyError('INVALID_RATIONAL', 'expected an exact decimal or p/q string');
  };
  if (typeof text !== 'string' || text.length === 0 || text.length > MAX_TEXT_LENGTH) bad();
  const value = parseFraction(text as string) ?? parseDecimal(text as string) ?? bad();
  if (value.num < 0n && options.allowNegative !== true) bad();
  return value;
}

function parseFraction(text: string): Rational | undefined {
  const match = FRACTION.exec(text);
  if (match === null) return undefined;
  const [, minus = '', num = '', den = ''] = match;
  if (BigInt(den) === 0n) return undefined;
  return createRational(BigInt(minus + num), BigInt(den));
}

function parseDecimal(text: string): Rational | undefined {
  const match = DECIMAL.exec(text);
  if (match === null) return undefined;
  const [, minus = '', whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = BigInt(exponentText) - BigInt(fraction.length);
  if (exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT - BigInt(MAX_TEXT_LENGTH)) {
    return undefined;
  }
  const digits = BigInt(minus + whole + fraction);
  return exponent >= 0n
    ? createRational(digits * 10n ** exponent)
    : createRational(digits, 10n ** -exponent);
}

/** a + b. */
export function add(a: Rational, b: Rational): Rational {
  return createRational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** a − b. */
export function sub(a: Rational, b: Rational): Rational {
  return createRational(a.num * b.den - b.num * a.den, a.den * b.den);
}

/** a × b. */
export function mul(a: Rational, b: Rational): Rational {
  return createRational(a.num * b.num, a.den * b.den);
}

/** a ÷ b; throws `INVALID_RATIONAL` when b is zero. */
export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw privacyError('INVALID_RATIONAL', 'division by zero');
  return createRational(a.num * b.den, a.den * b.num);
}

/** −1, 0 or 1 as a <, =, > b (cross-multiplication; denominators are positive). */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** True when r = 0. */
export function isZero(r: Rational): boolean {
  return r.num === 0n;
}

/** The smaller of a and b. */
export function minRational(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}

/** "p/q", or "p" when the denominator is 1: the form the ledger and releases store. */
export function formatRational(r: Rational): string {
  return r.den === 1n ? r.num.toString() : `${r.num.toString()}/${r.den.toString()}`;
}

/** An approximate number, for display and reports only: never feed it back to noise. */
export function toNumber(r: Rational): number {
  const whole = r.num / r.den;
  const scale = 1n << 53n;
  const fraction = ((r.num % r.den) * scale) / r.den;
  return Number(whole) + Number(fraction) / Number(scale);
}

/** ⌊√n⌋ for n ≥ 0 by Newton's method on bigint; throws `INVALID_RATIONAL` for n < 0. */
export function isqrtFloor(n: bigint): bigint {
  if (n < 0n) throw privacyError('INVALID_RATIONAL', 'square root of a negative number');
  if (n < 2n) return n;
  // Start above the root: 2^⌈bits/2⌉ > √n, then Newton decreases monotonically to ⌊√n⌋.
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}
