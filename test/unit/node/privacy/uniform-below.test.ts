/**
 * `uniformBelow(n)`, the only randomness the samplers use (privacy.md §9.2
 * A1). Masked rejection is shown *exactly* uniform by enumerating every byte
 * string a first draw can read, for every 1-byte bound and a few 2-byte ones;
 * then χ² (by range and by low bits, false alarm < 1e-6) covers the bounds
 * random-source.test.ts does not: 2³²−1 on every source, 2 and 10²⁰+7 on the
 * pooled one, and the whole list on the fast source every distribution test
 * draws from.
 */
import { strict as assert } from 'node:assert';
import type { RandomSource } from '../../../../benchmark/privacy/random-source.js';
import { uniformBelowFromBytes } from '../../../../benchmark/privacy/uniform-from-bytes.js';
import { createSodiumRandomSource } from '../../../../node/privacy/random-source.js';
import { createFastRandomSource } from './fast-random-source.js';
import { chiSquareFits } from './statistics.js';

/** §9.2 A1's list: non-powers of two catch modulo bias, multi-byte bounds catch mask bugs. */
const BOUNDS = [2n, 3n, 7n, 2n ** 32n - 1n, 2n ** 32n + 1n, 10n ** 20n + 7n] as const;

const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);

/** How a first draw from `uniformBelowFromBytes(n)` ends, for every possible byte string. */
function firstDrawOutcomes(n: bigint): { counts: Map<bigint, number>; rejected: number } {
  const byteCount = Math.ceil(bitLength(n - 1n) / 8);
  const rejectedMarker = new Error('first draw rejected');
  const counts = new Map<bigint, number>();
  let rejected = 0;
  for (let value = 0; value < 256 ** byteCount; value++) {
    let calls = 0;
    const bytes = (count: number): Uint8Array => {
      assert.equal(count, byteCount);
      if (calls++ > 0) throw rejectedMarker;
      return Uint8Array.from({ length: count }, (_, i) => (value >> (8 * (count - 1 - i))) & 255);
    };
    try {
      const drawn = uniformBelowFromBytes(n, bytes);
      counts.set(drawn, (counts.get(drawn) ?? 0) + 1);
    } catch (error) {
      if (error !== rejectedMarker) throw error;
      rejected++;
    }
  }
  return { counts, rejected };
}

/** χ² of draws binned by range (⌊v·bins/n⌋) and by residue (v mod 16), both exact. */
function uniformFits(draw: () => bigint, n: bigint, samples: number): boolean {
  const rangeBins = n <= 16n ? Number(n) : 16;
  const residues = n <= 16n ? 1 : 16;
  const byRange = new Array<number>(rangeBins).fill(0);
  const byResidue = new Array<number>(residues).fill(0);
  for (let i = 0; i < samples; i++) {
    const v = draw();
    assert.ok(v >= 0n && v < n, 'draw out of range');
    byRange[Number((v * BigInt(rangeBins)) / n)]! += 1;
    byResidue[Number(v % BigInt(residues))]! += 1;
  }
  const b = BigInt(rangeBins);
  const ceil = (x: bigint): bigint => (x + b - 1n) / b;
  // Values with ⌊v·bins/n⌋ = i are ⌈i·n/bins⌉ ≤ v < ⌈(i+1)·n/bins⌉.
  const rangeP = byRange.map(
    (_, i) => Number(ceil(BigInt(i + 1) * n) - ceil(BigInt(i) * n)) / Number(n),
  );
  // Values v < n with v ≡ r (mod m): ⌊(n − 1 − r)/m⌋ + 1.
  const m = BigInt(residues);
  const residueP = byResidue.map((_, r) => Number((n - 1n - BigInt(r)) / m + 1n) / Number(n));
  return chiSquareFits(byRange, rangeP) && (residues === 1 || chiSquareFits(byResidue, residueP));
}

describe('uniformBelow', () => {
  it('masked rejection is exactly uniform: every 1-byte bound and 2-byte bounds, all byte strings', () => {
    const bounds = [
      ...Array.from({ length: 256 }, (_, i) => BigInt(i + 1)),
      257n, // the first 2-byte bound: half of the 9-bit range is rejected
      40_000n,
      65_535n,
    ];
    for (const n of bounds) {
      const { counts, rejected } = firstDrawOutcomes(n);
      const space = n === 1n ? 1 : 256 ** Math.ceil(bitLength(n - 1n) / 8);
      // Each value keeps exactly the byte strings whose low bits(n−1) bits equal it.
      const each = n === 1n ? 1 : space / 2 ** bitLength(n - 1n);
      assert.equal(counts.size, Number(n), `n = ${n}: values reached`);
      for (const [value, count] of counts) {
        assert.ok(value >= 0n && value < n);
        assert.equal(count, each, `n = ${n}, value ${value}`);
      }
      // Fewer than half the tries are rejected, so the expected number of tries is < 2.
      assert.equal(rejected, space - Number(n) * each);
      assert.ok(rejected < space / 2, `n = ${n}: rejection rate`);
    }
  });

  describe('χ² by range and by low bits', () => {
    let direct: RandomSource;
    let pooled: RandomSource;
    const fast = createFastRandomSource();
    before(async () => {
      direct = await createSodiumRandomSource();
      pooled = await createSodiumRandomSource({ poolBytes: 4096 });
    });

    it('the fast test source, over the whole list', () => {
      for (const n of BOUNDS)
        assert.ok(
          uniformFits(() => fast.uniformBelow(n), n, 20_000),
          `n = ${n}`,
        );
    });

    it('libsodium direct at 2³²−1 (masked path) and pooled at 2, 2³²−1 and 10²⁰+7', () => {
      assert.ok(uniformFits(() => direct.uniformBelow(2n ** 32n - 1n), 2n ** 32n - 1n, 6_000));
      for (const n of [2n, 2n ** 32n - 1n, 10n ** 20n + 7n]) {
        assert.ok(
          uniformFits(() => pooled.uniformBelow(n), n, 6_000),
          `n = ${n}`,
        );
      }
    });

    it('has power: rejects masked rejection that reads one byte too few', () => {
      // Reading k−1 of the k bytes n needs keeps every draw below 2^(8(k−1)): upper bins empty out.
      const short = (n: bigint): bigint =>
        fast.uniformBelow(2n ** BigInt(8 * (Math.ceil(bitLength(n - 1n) / 8) - 1)));
      for (const n of [2n ** 32n - 1n, 10n ** 20n + 7n]) {
        assert.equal(
          uniformFits(() => short(n), n, 6_000),
          false,
          `n = ${n}`,
        );
      }
    });
  });
});
