import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import type { RandomSource } from '../../../../benchmark/privacy/random-source.js';
import { createRational, parseRational } from '../../../../benchmark/privacy/rational.js';
import type { Rational } from '../../../../benchmark/privacy/rational.js';
import { createSodiumRandomSource } from '../../../../node/privacy/random-source.js';
import { sampleDiscreteGaussian } from '../../../../node/privacy/samplers.js';
import { createFastRandomSource } from './fast-random-source.js';
import { assertProportion, discreteGaussianPmf, pmfFits, secondMomentFits } from './statistics.js';

const N = 40_000;
const draws = (sigma2: Rational, rng: RandomSource, n: number): bigint[] =>
  Array.from({ length: n }, () => sampleDiscreteGaussian(sigma2, rng));

describe('discrete Gaussian sampler (CKS20)', () => {
  const rng = createFastRandomSource();

  for (const [sigma2, value] of [
    [createRational(1n), 1],
    [createRational(4n), 4],
    [createRational(25n, 2n), 12.5],
  ] as const) {
    describe(`σ² = ${value}`, () => {
      let samples: bigint[] = [];
      before(() => {
        samples = draws(sigma2, rng, N);
      });
      const pmf = discreteGaussianPmf(value);

      it('fits the pmf (χ² on the central window with a tail bin) and E[X²] = Σk²w/Σw', () => {
        assert.ok(pmfFits(samples, pmf));
        assert.ok(secondMomentFits(samples, pmf, 1000));
      });

      it('is symmetric', () => {
        const positive = samples.filter((x) => x > 0n).length;
        assertProportion(positive, positive + samples.filter((x) => x < 0n).length, 0.5, 'sign');
      });

      it('has power: χ² rejects 0.85σ² and 1.15σ², the variance check 0.9σ² and 1.1σ²', () => {
        for (const factor of [0.85, 1.15]) {
          assert.equal(pmfFits(samples, discreteGaussianPmf(factor * value)), false);
        }
        for (const factor of [0.9, 1.1]) {
          assert.equal(secondMomentFits(samples, discreteGaussianPmf(factor * value), 1000), false);
        }
      });
    });
  }

  it('is exact for small and large σ² (σ² = 1/4 and 10⁴)', () => {
    assert.ok(pmfFits(draws(createRational(1n, 4n), rng, 10_000), discreteGaussianPmf(0.25)));
    const wide = draws(createRational(10_000n), rng, 4_000);
    assert.ok(secondMomentFits(wide, discreteGaussianPmf(10_000), 5_000));
  });

  it('matches its pmf end to end through the libsodium source', async () => {
    const sodium = await createSodiumRandomSource();
    const samples = draws(createRational(4n), sodium, 6_000);
    const pmf = discreteGaussianPmf(4);
    assert.ok(pmfFits(samples, pmf));
    assert.ok(secondMomentFits(samples, pmf, 1000));
  });

  it('returns 0 for σ² = 0 without drawing, and terminates for huge σ²', () => {
    const untouched: RandomSource = { uniformBelow: () => assert.fail('randomness used') };
    assert.equal(sampleDiscreteGaussian(createRational(0n), untouched), 0n);
    for (let i = 0; i < 20; i++) {
      const x = sampleDiscreteGaussian(parseRational('1e12'), rng);
      assert.ok(x < 10n ** 8n && x > -(10n ** 8n)); // 100σ
    }
  });

  it('refuses negative, non-rational and float σ²', () => {
    const invalid = (error: unknown): boolean => hasCode(error, 'INVALID_PRIVACY_PARAMETER');
    for (const sigma2 of [
      createRational(-4n),
      { num: 4n, den: 0n },
      { num: 4, den: 1 },
      4,
      Number.POSITIVE_INFINITY,
    ]) {
      assert.throws(() => sampleDiscreteGaussian(sigma2 as unknown as Rational, rng), invalid);
    }
  });
});
