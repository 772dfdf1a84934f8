import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { hasCode } from '../../../../benchmark/errors.js';
import type { RandomSource } from '../../../../benchmark/privacy/random-source.js';
import { createSodiumRandomSource } from '../../../../node/privacy/random-source.js';
import { chiSquareFits, Z } from './statistics.js';

/** Counts of draws in `bins` equal-width bins over [0, n). */
function binnedCounts(draw: () => bigint, n: bigint, bins: number, samples: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < samples; i++) {
    const value = draw();
    assert.ok(value >= 0n && value < n, 'draw out of range');
    const bin = Number((value * BigInt(bins)) / n);
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

/** Exact bin probabilities of a uniform on [0, n) split as in `binnedCounts`. */
function binProbabilities(n: bigint, bins: number): number[] {
  const b = BigInt(bins);
  return Array.from({ length: bins }, (_, i) => {
    // Values v with ⌊v·bins/n⌋ = i are ⌈i·n/bins⌉ ≤ v < ⌈(i+1)·n/bins⌉.
    const ceil = (x: bigint): bigint => (x + b - 1n) / b;
    return Number(ceil(BigInt(i + 1) * n) - ceil(BigInt(i) * n)) / Number(n);
  });
}

function assertUniform(rng: RandomSource, n: bigint, samples: number): void {
  const bins = n <= 16n ? Number(n) : 8;
  const counts = binnedCounts(() => rng.uniformBelow(n), n, bins, samples);
  assert.ok(chiSquareFits(counts, binProbabilities(n, bins)), `n = ${n}: ${counts.join(' ')}`);
}

const invalid = (error: unknown): boolean => hasCode(error, 'INVALID_PRIVACY_PARAMETER');

describe('sodium RandomSource', () => {
  let direct: RandomSource;
  let pooled: RandomSource;

  before(async () => {
    direct = await createSodiumRandomSource();
    pooled = await createSodiumRandomSource({ poolBytes: 4096 });
  });

  // Non-powers of two catch modulo bias; 2³¹−1 is the largest bound libsodium-wrappers
  // accepts for randombytes_uniform, 2³¹ the first on the masked path, and the rest
  // need multi-byte masks (a wrong mask empties the upper bins).
  it('is uniform (χ²) for small bounds through randombytes_uniform', () => {
    for (const n of [2n, 3n, 7n]) assertUniform(direct, n, 20_000);
  });

  it('is uniform (χ²) across the randombytes_uniform / masked-rejection boundary and beyond', () => {
    for (const n of [2n ** 31n - 1n, 2n ** 31n, 2n ** 32n + 1n, 10n ** 20n + 7n]) {
      assertUniform(direct, n, 3_000);
    }
  });

  it('is uniform (χ²) when every draw comes from the byte pool', () => {
    for (const n of [3n, 7n]) assertUniform(pooled, n, 10_000);
    assertUniform(pooled, 2n ** 32n + 1n, 3_000);
  });

  it('has power: the same χ² check rejects a modulo-reduced mutant', () => {
    // v mod 192 over one byte gives 0..63 twice the mass of 64..191.
    const mutant: RandomSource = { uniformBelow: (n) => direct.uniformBelow(256n) % n };
    const counts = binnedCounts(() => mutant.uniformBelow(192n), 192n, 8, 3_000);
    assert.equal(chiSquareFits(counts, binProbabilities(192n, 8)), false);
  });

  it('returns 0 for n = 1 and refuses bounds below 1 or non-bigints', () => {
    for (const rng of [direct, pooled]) {
      assert.equal(rng.uniformBelow(1n), 0n);
      assert.throws(() => rng.uniformBelow(0n), invalid);
      assert.throws(() => rng.uniformBelow(-5n), invalid);
      assert.throws(() => rng.uniformBelow(7 as unknown as bigint), invalid);
    }
  });

  it('gives independent instances and uncorrelated successive draws', async () => {
    const other = await createSodiumRandomSource();
    assert.notEqual(direct.uniformBelow(2n ** 128n), other.uniformBelow(2n ** 128n));
    const n = 20_000;
    const xs = Array.from(
      { length: n },
      () => Number(direct.uniformBelow(2n ** 31n - 1n)) / 2 ** 31,
    );
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    let covariance = 0;
    let variance = 0;
    for (let i = 0; i < n; i++) {
      variance += ((xs[i] ?? 0) - mean) ** 2;
      if (i > 0) covariance += ((xs[i] ?? 0) - mean) * ((xs[i - 1] ?? 0) - mean);
    }
    assert.ok(Math.abs(covariance / variance) < Z / Math.sqrt(n), 'lag-1 autocorrelation');
  });

  it('keeps the noise path free of other randomness (import graph)', () => {
    const source = (file: string): string =>
      readFileSync(new URL(`../../../../node/privacy/${file}`, import.meta.url), 'utf8');
    const imports = (text: string): string[] =>
      [...text.matchAll(/^import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
    const pure = (spec: string): boolean => spec.startsWith('../../benchmark/privacy/');
    assert.deepEqual(
      imports(source('random-source.ts')).filter((s) => !pure(s)),
      ['libsodium-wrappers'],
    );
    assert.deepEqual(
      imports(source('samplers.ts')).filter((s) => !pure(s)),
      [],
    );
    assert.deepEqual(
      imports(source('gaussian-mechanism.ts')).filter((s) => !pure(s)),
      ['./samplers.js'],
    );
    for (const file of ['random-source.ts', 'samplers.ts', 'gaussian-mechanism.ts']) {
      assert.doesNotMatch(source(file), /Math\.random|node:crypto|\bseed\s*[?:=(,]/);
    }
  });
});
