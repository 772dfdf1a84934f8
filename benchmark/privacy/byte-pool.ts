/**
 * A byte pool in front of a CSPRNG, like Google's buffered crypto/rand
 * reader: a consume pointer that only moves forward, so each random byte is
 * handed out at most once (reused bytes would correlate noise across draws).
 * Bytes left over when a request does not fit are discarded, never reused.
 */
import { privacyError } from './privacy-errors.js';
import type { ByteSupplier } from './uniform-from-bytes.js';

/**
 * A `ByteSupplier` that refills a `poolBytes` buffer from `fill` when it runs
 * short. Handed-out bytes are wiped from the pool so a later memory dump does
 * not reveal the noise they became.
 */
export function createBytePool(fill: ByteSupplier, poolBytes: number): ByteSupplier {
  if (!Number.isSafeInteger(poolBytes) || poolBytes < 1) {
    throw privacyError('INVALID_PRIVACY_PARAMETER', 'pool size must be a positive integer');
  }
  let pool: Uint8Array = new Uint8Array(0);
  let next = 0;
  return (count: number): Uint8Array => {
    if (count > poolBytes) return fill(count);
    if (pool.length - next < count) {
      pool.fill(0);
      pool = fill(poolBytes);
      next = 0;
    }
    const bytes = pool.slice(next, next + count);
    pool.fill(0, next, next + count);
    next += count;
    return bytes;
  };
}
