import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { createBytePool } from '../../../../benchmark/privacy/byte-pool.js';
import {
  bigintFromBytes,
  uniformBelowFromBytes,
} from '../../../../benchmark/privacy/uniform-from-bytes.js';

/** Hands out the scripted bytes in order and records each request size. */
function scripted(bytes: number[]): { next: (count: number) => Uint8Array; sizes: number[] } {
  let at = 0;
  const sizes: number[] = [];
  return {
    sizes,
    next: (count) => {
      sizes.push(count);
      assert.ok(at + count <= bytes.length, 'script exhausted');
      const out = Uint8Array.from(bytes.slice(at, at + count));
      at += count;
      return out;
    },
  };
}

describe('uniformBelowFromBytes', () => {
  it('masks to bits(n−1) and rejects values ≥ n instead of reducing them', () => {
    const source = scripted([0xff, 0x0d, 0x03]); // masked to 3 bits: 7 (reject), 5 (reject), 3
    assert.equal(uniformBelowFromBytes(5n, source.next), 3n);
    assert.deepEqual(source.sizes, [1, 1, 1]);
  });

  it('reads big-endian and uses ⌈bits/8⌉ bytes', () => {
    // 17-bit mask: 0x010002 ≥ n is rejected; 0xff0000 masks to 0x10000 = n − 1.
    const source = scripted([0x01, 0x00, 0x02, 0xff, 0x00, 0x00]);
    assert.equal(uniformBelowFromBytes(0x10001n, source.next), 0x10000n);
    assert.deepEqual(source.sizes, [3, 3]);
    assert.equal(bigintFromBytes(Uint8Array.from([1, 2, 3])), 0x010203n);
  });

  it('can return the largest value n − 1 and consumes nothing for n = 1', () => {
    const source = scripted([0x06]);
    assert.equal(uniformBelowFromBytes(7n, source.next), 6n);
    const none = scripted([]);
    assert.equal(uniformBelowFromBytes(1n, none.next), 0n);
    assert.deepEqual(none.sizes, []);
  });

  it('rejects bounds below 1 and non-bigints', () => {
    const invalid = (error: unknown): boolean => hasCode(error, 'INVALID_PRIVACY_PARAMETER');
    const source = scripted([]);
    assert.throws(() => uniformBelowFromBytes(0n, source.next), invalid);
    assert.throws(() => uniformBelowFromBytes(-3n, source.next), invalid);
    assert.throws(() => uniformBelowFromBytes(7 as unknown as bigint, source.next), invalid);
  });
});

describe('createBytePool', () => {
  /** A fill that numbers every byte it ever produces, so reuse is visible. */
  function countingFill(): { fill: (count: number) => Uint8Array; calls: number[] } {
    let counter = 0;
    const calls: number[] = [];
    return {
      calls,
      fill: (count) => {
        calls.push(count);
        return Uint8Array.from({ length: count }, () => counter++ % 256);
      },
    };
  }

  it('hands out each byte once, in order, and discards a short remainder', () => {
    const { fill, calls } = countingFill();
    const pool = createBytePool(fill, 8);
    const out = [pool(3), pool(3), pool(3), pool(5)].map((bytes) => [...bytes]);
    // 0..7 first; after 6 bytes only 2 remain, so bytes 6 and 7 are dropped, never reused.
    assert.deepEqual(out, [
      [0, 1, 2],
      [3, 4, 5],
      [8, 9, 10],
      [11, 12, 13, 14, 15],
    ]);
    assert.deepEqual(calls, [8, 8]);
    const seen = out.flat();
    assert.equal(new Set(seen).size, seen.length);
  });

  it('returns copies, wipes what it handed out, and serves oversized requests directly', () => {
    const { fill, calls } = countingFill();
    let lastPool: Uint8Array | undefined;
    const pool = createBytePool((count) => (lastPool = fill(count)), 4);
    const first = pool(2);
    first[0] = 99;
    assert.deepEqual([...(lastPool ?? [])], [0, 0, 2, 3]);
    assert.deepEqual([...pool(2)], [2, 3]);
    assert.equal(pool(10).length, 10);
    assert.deepEqual(calls, [4, 10]);
  });

  it('rejects a non-positive pool size', () => {
    const invalid = (error: unknown): boolean => hasCode(error, 'INVALID_PRIVACY_PARAMETER');
    assert.throws(() => createBytePool(countingFill().fill, 0), invalid);
    assert.throws(() => createBytePool(countingFill().fill, 1.5), invalid);
  });
});
