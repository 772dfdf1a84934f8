/**
 * Degenerate and invalid parameters of the CKS20 samplers (privacy.md §9.2
 * A5) beyond those discrete-laplace.test.ts and discrete-gaussian.test.ts
 * already refuse: every malformed parameter is refused *before* any
 * randomness is drawn, tiny scales give exactly 0, huge or unreduced
 * rationals terminate, and the t = ⌊σ⌋ + 1 boundary keeps the law exact.
 */
import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import type { RandomSource } from '../../../../benchmark/privacy/random-source.js';
import { createRational } from '../../../../benchmark/privacy/rational.js';
import type { Rational } from '../../../../benchmark/privacy/rational.js';
import {
  sampleDiscreteGaussian,
  sampleDiscreteLaplace,
} from '../../../../node/privacy/samplers.js';
import { createFastRandomSource } from './fast-random-source.js';
import { discreteGaussianPmf, pmfFits, secondMomentFits } from './statistics.js';

const invalid = (error: unknown): boolean => hasCode(error, 'INVALID_PRIVACY_PARAMETER');
const untouched: RandomSource = {
  uniformBelow: () => assert.fail('randomness drawn for an invalid or zero parameter'),
};
const SAMPLERS = [
  ['discrete Laplace', sampleDiscreteLaplace],
  ['discrete Gaussian', sampleDiscreteGaussian],
] as const;

/** Malformed parameters neither existing sampler test file tries for both samplers. */
const MALFORMED: readonly unknown[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  undefined,
  null,
  '4',
  4n,
  { num: 4n },
  { den: 1n },
  { num: 4n, den: -1n },
  { num: -4n, den: -1n }, // = 4 as a fraction, but not in canonical sign form
  { num: 4n, den: 1 },
  { num: Number.NaN, den: 1n },
];

describe('CKS20 sampler parameters', () => {
  const rng = createFastRandomSource();

  for (const [name, sample] of SAMPLERS) {
    it(`${name}: refuses every malformed parameter before drawing`, () => {
      for (const parameter of MALFORMED) {
        assert.throws(() => sample(parameter as Rational, untouched), invalid, String(parameter));
      }
    });

    it(`${name}: zero in any form gives 0 without drawing`, () => {
      for (const zero of [createRational(0n), { num: 0n, den: 7n }, { num: 0n, den: 10n ** 30n }]) {
        assert.equal(sample(zero, untouched), 0n);
      }
    });

    it(`${name}: a scale of 10⁻⁶ gives exactly 0 (P(X ≠ 0) < e^−10⁶) and terminates`, () => {
      for (let i = 0; i < 500; i++) assert.equal(sample(createRational(1n, 10n ** 6n), rng), 0n);
    });

    it(`${name}: huge unreduced rationals (10³⁰·3/(7·3)) terminate within 100 scales`, () => {
      const huge = { num: 3n * 10n ** 30n, den: 21n };
      for (let i = 0; i < 10; i++) {
        const x = sample(huge, rng);
        // scale ≈ 1.4e29 (Laplace b) or ≈ 3.8e14 (Gaussian σ): 100 scales is far past any draw.
        assert.ok(x < 10n ** 32n && x > -(10n ** 32n));
      }
    });
  }

  it('discrete Gaussian: σ² just below and at a perfect square (t = ⌊σ⌋ + 1 changes) are both exact', () => {
    // σ² = 4 − 10⁻³⁰ has ⌊σ⌋ = 1 (t = 2); σ² = 4 has t = 3. CKS20 is exact for any t ≥ 1,
    // so both must fit the σ² = 4 law (the 10⁻³⁰ difference is invisible), and neither σ² = 4.6.
    const pmf = discreteGaussianPmf(4);
    for (const sigma2 of [createRational(4n * 10n ** 30n - 1n, 10n ** 30n), createRational(4n)]) {
      const samples = Array.from({ length: 20_000 }, () => sampleDiscreteGaussian(sigma2, rng));
      assert.ok(pmfFits(samples, pmf));
      assert.ok(secondMomentFits(samples, pmf, 1000));
      assert.equal(secondMomentFits(samples, discreteGaussianPmf(4.6), 1000), false);
    }
  });
});
