/**
 * A fast test-only RandomSource: node's CSPRNG (OpenSSL) behind the
 * production byte pool and masked-rejection code. libsodium-wrappers makes one
 * getRandomValues call per byte (~7 µs), which would cap the sample sizes, and
 * so the power, of the distribution tests; the samplers' correctness does not
 * depend on which uniform source feeds them. The sodium source has its own
 * uniformity tests and an end-to-end sampler check.
 */
import { randomFillSync } from 'node:crypto';
import { createBytePool } from '../../../../benchmark/privacy/byte-pool.js';
import type { RandomSource } from '../../../../benchmark/privacy/random-source.js';
import { uniformBelowFromBytes } from '../../../../benchmark/privacy/uniform-from-bytes.js';

/** A RandomSource over node:crypto through the production pool and masking code. */
export function createFastRandomSource(): RandomSource {
  const pool = createBytePool((count) => randomFillSync(new Uint8Array(count)), 1 << 16);
  return { uniformBelow: (n) => uniformBelowFromBytes(n, pool) };
}
