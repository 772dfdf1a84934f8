import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import {
  cdpDelta,
  epsilonForLaplace,
  epsilonForRho,
  gaussianSigma2ForRho,
  laplaceScaleForEpsilon,
  rhoForGaussian,
  rhoForPureEpsilon,
  sumRho,
} from '../../../../benchmark/privacy/accounting.js';
import { createRational, parseRational } from '../../../../benchmark/privacy/rational.js';

const q = (text: string) => parseRational(text);
const invalid = (error: unknown): boolean => hasCode(error, 'INVALID_PRIVACY_PARAMETER');

describe('accounting', () => {
  it('calibrates σ² = Δ²/(2ρ) and charges ρ = Δ²/(2σ²) exactly', () => {
    assert.deepEqual(gaussianSigma2ForRho(1n, q('0.05')), { num: 10n, den: 1n });
    assert.deepEqual(gaussianSigma2ForRho(3n, q('0.01')), { num: 150n, den: 1n });
    assert.deepEqual(gaussianSigma2ForRho(1n, q('0.125')), { num: 4n, den: 1n });
    assert.deepEqual(rhoForGaussian(1n, q('4')), { num: 1n, den: 8n });
    assert.deepEqual(rhoForGaussian(2n, q('25/2')), { num: 2n, den: 25n });
    for (const rho of ['0.001', '1/3', '7/11', '2']) {
      assert.deepEqual(rhoForGaussian(5n, gaussianSigma2ForRho(5n, q(rho))), q(rho));
    }
  });

  it('prices pure DP: b = Δ₁/ε, ε = Δ₁/b, ρ = ε²/2', () => {
    assert.deepEqual(laplaceScaleForEpsilon(2n, q('0.5')), { num: 4n, den: 1n });
    assert.deepEqual(epsilonForLaplace(1n, q('1/2')), { num: 2n, den: 1n });
    assert.deepEqual(rhoForPureEpsilon(q('0.1')), { num: 1n, den: 200n });
    assert.deepEqual(rhoForPureEpsilon(q('1')), { num: 1n, den: 2n });
  });

  it('composes by exact summation', () => {
    assert.deepEqual(sumRho(Array.from({ length: 10 }, () => q('0.1'))), { num: 1n, den: 1n });
    assert.deepEqual(sumRho([]), { num: 0n, den: 1n });
    assert.deepEqual(sumRho([q('1/3'), q('1/6')]), { num: 1n, den: 2n });
  });

  it('refuses non-positive parameters and zero sensitivity', () => {
    assert.throws(() => gaussianSigma2ForRho(1n, q('0')), invalid);
    assert.throws(() => gaussianSigma2ForRho(0n, q('0.1')), invalid);
    assert.throws(() => rhoForGaussian(1n, q('0')), invalid);
    assert.throws(() => rhoForGaussian(1n, { num: 1n, den: 0n }), invalid);
    assert.throws(() => rhoForPureEpsilon(createRational(-1n)), invalid);
    assert.throws(() => epsilonForLaplace(1n, q('0')), invalid);
    assert.throws(() => sumRho([q('0.1'), createRational(-1n, 10n)]), invalid);
    assert.throws(() => gaussianSigma2ForRho(1 as unknown as bigint, q('0.1')), invalid);
  });

  describe('(ε, δ) conversion', () => {
    // privacy.md §5, tight CKS20 conversion.
    const table: [number, number, number][] = [
      [0.01, 0.622, 0.81],
      [0.05, 1.472, 1.882],
      [0.1, 2.142, 2.715],
      [0.25, 3.542, 4.437],
      [0.5, 5.222, 6.474],
      [1.0, 7.766, 9.521],
    ];

    it('reproduces the reference table to 3 decimals', () => {
      for (const [rho, at6, at9] of table) {
        assert.equal(epsilonForRho(rho, 1e-6).toFixed(3), at6.toFixed(3), `rho ${rho} delta 1e-6`);
        assert.equal(epsilonForRho(rho, 1e-9).toFixed(3), at9.toFixed(3), `rho ${rho} delta 1e-9`);
      }
    });

    it('is tight: δ(ε) just meets the target and beats the simple bound', () => {
      for (const [rho] of table) {
        const epsilon = epsilonForRho(rho, 1e-6);
        assert.ok(cdpDelta(rho, epsilon) <= 1e-6);
        assert.ok(cdpDelta(rho, epsilon * 0.999) > 1e-6);
        assert.ok(epsilon < rho + 2 * Math.sqrt(rho * Math.log(1e6)));
      }
    });

    it('handles ρ = 0 and refuses bad inputs', () => {
      assert.equal(epsilonForRho(0, 1e-6), 0);
      assert.equal(cdpDelta(0, 1), 0);
      for (const delta of [0, 1, -1, Number.NaN])
        assert.throws(() => epsilonForRho(0.1, delta), invalid);
      for (const rho of [-0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
        assert.throws(() => epsilonForRho(rho, 1e-6), invalid);
      }
    });
  });
});
