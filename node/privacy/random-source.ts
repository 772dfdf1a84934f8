/**
 * The production `RandomSource`: libsodium's CSPRNG and nothing else. There
 * is no seed parameter: noise that can be reproduced can be subtracted.
 */
import sodium from 'libsodium-wrappers';
import { createBytePool } from '../../benchmark/privacy/byte-pool.js';
import type { RandomSource } from '../../benchmark/privacy/random-source.js';
import {
  assertUniformBound,
  uniformBelowFromBytes,
} from '../../benchmark/privacy/uniform-from-bytes.js';
import type { ByteSupplier } from '../../benchmark/privacy/uniform-from-bytes.js';

/**
 * Largest bound handed to `randombytes_uniform`. libsodium documents 2³²−1,
 * but libsodium-wrappers 0.8.4 rejects any bound with `(n | 0) !== n`, i.e.
 * above 2³¹−1; larger bounds take the masked-rejection path instead.
 */
const SODIUM_UNIFORM_MAX = 0x7fffffffn;

/** Options of `createSodiumRandomSource`. */
export interface SodiumRandomSourceOptions {
  /**
   * Serve every draw by masked rejection from a pool of this many bytes,
   * refilled by `randombytes_buf`; each byte is handed out once. Absent: one
   * libsodium call per draw.
   */
  readonly poolBytes?: number;
}

/** A `RandomSource` over libsodium's CSPRNG, once libsodium is ready. */
export async function createSodiumRandomSource(
  options: SodiumRandomSourceOptions = {},
): Promise<RandomSource> {
  await sodium.ready;
  const fill: ByteSupplier = (count) => sodium.randombytes_buf(count);
  if (options.poolBytes !== undefined) {
    const pool = createBytePool(fill, options.poolBytes);
    return { uniformBelow: (n) => uniformBelowFromBytes(n, pool) };
  }
  return { uniformBelow: (n) => uniformBelowDirect(n, fill) };
}

function uniformBelowDirect(n: bigint, fill: ByteSupplier): bigint {
  assertUniformBound(n);
  if (n === 1n) return 0n;
  // libsodium's own rejection sampling, uniform for non-powers of two; Number(n) is exact here.
  if (n <= SODIUM_UNIFORM_MAX) return BigInt(sodium.randombytes_uniform(Number(n)));
  return uniformBelowFromBytes(n, fill);
}
