/**
 * Uniform integers from a stream of uniform bytes by masked rejection, the
 * method of OpenDP's `sample_uniform_ubig_below`. Taking `v mod n` instead
 * would favour small values (modulo bias), which a χ² test over a
 * non-power-of-two n catches.
 */
import { privacyError } from './privacy-errors.js';

/** Hands out `count` fresh uniform bytes; never the same byte twice. */
export type ByteSupplier = (count: number) => Uint8Array;

/** Throws `INVALID_PRIVACY_PARAMETER` unless `n` is a bigint ≥ 1. */
export function assertUniformBound(n: bigint): void {
  if (typeof n !== 'bigint' || n < 1n) {
    throw privacyError('INVALID_PRIVACY_PARAMETER', 'uniform bound must be a bigint >= 1');
  }
}

/** Big-endian bytes as a non-negative bigint. */
export function bigintFromBytes(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/**
 * A uniform integer in [0, n) from `nextBytes`. Draws ⌈bits(n−1)/8⌉ bytes,
 * masks them to bits(n−1) bits and retries until the value is below n; each
 * try succeeds with probability > 1/2, so the expected number of tries is < 2.
 */
export function uniformBelowFromBytes(n: bigint, nextBytes: ByteSupplier): bigint {
  assertUniformBound(n);
  if (n === 1n) return 0n;
  const bits = (n - 1n).toString(2).length;
  const mask = (1n << BigInt(bits)) - 1n;
  const byteCount = Math.ceil(bits / 8);
  for (;;) {
    const value = bigintFromBytes(nextBytes(byteCount)) & mask;
    if (value < n) return value;
  }
}
