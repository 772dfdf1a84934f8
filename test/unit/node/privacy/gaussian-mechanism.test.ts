import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { planGaussianRelease } from '../../../../benchmark/privacy/gaussian-release.js';
import type { RandomSource } from '../../../../benchmark/privacy/random-source.js';
import { createRational, parseRational } from '../../../../benchmark/privacy/rational.js';
import {
  addDiscreteGaussianNoise,
  addGaussianReleaseNoise,
} from '../../../../node/privacy/gaussian-mechanism.js';
import { createFastRandomSource } from './fast-random-source.js';
import { discreteGaussianPmf, secondMomentFits, Z } from './statistics.js';

describe('discrete Gaussian mechanism', () => {
  const rng = createFastRandomSource();

  it('adds one independent draw per coordinate, keeping negatives', () => {
    const counts = Array.from({ length: 8_000 }, (_, i) => BigInt(i % 5));
    const noisy = addDiscreteGaussianNoise(counts, createRational(4n), rng);
    assert.equal(noisy.length, counts.length);
    const noise = noisy.map((value, i) => value - (counts[i] ?? 0n));
    // One shared draw would make every coordinate's noise equal (variance 0 across them).
    assert.ok(secondMomentFits(noise, discreteGaussianPmf(4), 1000));
    assert.ok(noisy.some((value) => value < 0n));
  });

  it('draws uncorrelated noise for neighbouring coordinates', () => {
    const n = 10_000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const [a = 0n, b = 0n] = addDiscreteGaussianNoise([0n, 0n], createRational(1n), rng);
      sum += Number(a * b);
    }
    // E[Z₀Z₁] = 0; SE = Var(Z)/√n with Var ≈ 1.
    assert.ok(Math.abs(sum / n) < Z / Math.sqrt(n));
  });

  it('returns the counts unchanged for an empty vector or σ² = 0', () => {
    assert.deepEqual(addDiscreteGaussianNoise([], createRational(4n), rng), []);
    assert.deepEqual(addDiscreteGaussianNoise([3n, 5n], createRational(0n), rng), [3n, 5n]);
  });

  it('noises with the σ² the release states, so the charged ρ is the applied ρ', () => {
    const release = planGaussianRelease(1n, parseRational('0.005')); // σ² = 100
    assert.equal(release.sigma2, '100');
    const noisy = addGaussianReleaseNoise(new Array<bigint>(6_000).fill(0n), release, rng);
    assert.ok(secondMomentFits(noisy, discreteGaussianPmf(100), 5_000));
    assert.equal(secondMomentFits(noisy, discreteGaussianPmf(50), 5_000), false);
  });

  it('refuses a release whose ρ does not match its σ², before drawing', () => {
    const untouched: RandomSource = { uniformBelow: () => assert.fail('randomness used') };
    const release = { ...planGaussianRelease(1n, parseRational('0.125')), sigma2: '2' };
    assert.throws(
      () => addGaussianReleaseNoise([1n], release, untouched),
      (error: unknown) => hasCode(error, 'INVALID_RELEASE_CLAIM'),
    );
  });
});
