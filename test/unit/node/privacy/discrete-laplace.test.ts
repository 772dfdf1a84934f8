import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import type { RandomSource } from '../../../../benchmark/privacy/random-source.js';
import { createRational, parseRational } from '../../../../benchmark/privacy/rational.js';
import type { Rational } from '../../../../benchmark/privacy/rational.js';
import { sampleDiscreteLaplace } from '../../../../node/privacy/samplers.js';
import { createFastRandomSource } from './fast-random-source.js';
import { assertProportion, discreteLaplacePmf, pmfFits, secondMomentFits } from './statistics.js';

const N = 40_000;

describe('discrete Laplace sampler (CKS20)', () => {
  const rng: RandomSource = createFastRandomSource();

  for (const [scale, b] of [
    [createRational(1n), 1],
    [createRational(3n), 3],
    [createRational(1n, 2n), 0.5],
  ] as const) {
    describe(`scale b = ${b}`, () => {
      let samples: bigint[] = [];
      before(() => {
        samples = Array.from({ length: N }, () => sampleDiscreteLaplace(scale, rng));
      });
      const pmf = discreteLaplacePmf(b);
      const count = (k: bigint): number => samples.filter((x) => x === k).length;

      it('fits the pmf (χ² on the central window with a tail bin)', () => {
        assert.ok(pmfFits(samples, pmf));
      });

      it('has P(0) = (1−a)/(1+a) and variance 2a/(1−a)²', () => {
        assertProportion(count(0n), N, pmf(0), 'P(0)');
        assert.ok(secondMomentFits(samples, pmf, 2000));
      });

      it('is symmetric: P(+k) = P(−k) and P(X > 0) = P(X < 0)', () => {
        for (const k of [1n, 2n, 3n]) {
          assertProportion(count(k), count(k) + count(-k), 0.5, `k = ${k}`);
        }
        const positive = samples.filter((x) => x > 0n).length;
        assertProportion(positive, positive + samples.filter((x) => x < 0n).length, 0.5, 'sign');
      });

      it('has power: rejects scales 0.9b and 1.1b (χ² and variance)', () => {
        for (const wrong of [0.9 * b, 1.1 * b]) {
          assert.equal(pmfFits(samples, discreteLaplacePmf(wrong)), false, `χ² at ${wrong}`);
          assert.equal(
            secondMomentFits(samples, discreteLaplacePmf(wrong), 2000),
            false,
            `var at ${wrong}`,
          );
        }
      });
    });
  }

  it('returns 0 for scale 0 without drawing', () => {
    const untouched: RandomSource = { uniformBelow: () => assert.fail('randomness used') };
    assert.equal(sampleDiscreteLaplace(createRational(0n), untouched), 0n);
    assert.equal(sampleDiscreteLaplace({ num: 0n, den: 7n }, untouched), 0n);
  });

  it('terminates for huge and unreduced scales', () => {
    for (let i = 0; i < 20; i++) {
      const x = sampleDiscreteLaplace(parseRational('1e12'), rng);
      assert.ok(x < 10n ** 14n && x > -(10n ** 14n));
    }
    assert.equal(typeof sampleDiscreteLaplace({ num: 6n, den: 4n }, rng), 'bigint');
  });

  it('refuses negative, non-rational and float scales', () => {
    const invalid = (error: unknown): boolean => hasCode(error, 'INVALID_PRIVACY_PARAMETER');
    for (const scale of [
      createRational(-1n),
      { num: 1n, den: 0n },
      { num: 1, den: 1 },
      1.5,
      Number.NaN,
      null,
    ]) {
      assert.throws(() => sampleDiscreteLaplace(scale as unknown as Rational, rng), invalid);
    }
  });
});
