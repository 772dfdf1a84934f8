import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import {
  parseGaussianRelease,
  planGaussianRelease,
} from '../../../../benchmark/privacy/gaussian-release.js';
import { parseRational } from '../../../../benchmark/privacy/rational.js';

const claimError = (error: unknown): boolean => hasCode(error, 'INVALID_RELEASE_CLAIM');

describe('gaussian release description', () => {
  it('derives σ² from (Δ², ρ) and states the ρ recomputed from that σ²', () => {
    assert.deepEqual(planGaussianRelease(1n, parseRational('0.125')), {
      mechanism: 'discrete_gaussian',
      sigma2: '4',
      l2SensitivitySquared: '1',
      rho: '1/8',
    });
    assert.deepEqual(planGaussianRelease(3n, parseRational('0.07')), {
      mechanism: 'discrete_gaussian',
      sigma2: '150/7',
      l2SensitivitySquared: '3',
      rho: '7/100',
    });
  });

  it('round-trips through parseGaussianRelease to the exact parameters', () => {
    const release = planGaussianRelease(2n, parseRational('1/3'));
    assert.deepEqual(parseGaussianRelease(release), {
      sigma2: { num: 3n, den: 1n },
      l2SensitivitySquared: 2n,
      rho: { num: 1n, den: 3n },
    });
    assert.deepEqual(parseGaussianRelease(JSON.parse(JSON.stringify(release))).rho, {
      num: 1n,
      den: 3n,
    });
  });

  it('rejects claims whose ρ does not follow from σ² and Δ²', () => {
    const release = planGaussianRelease(1n, parseRational('0.125'));
    const tampered: unknown[] = [
      { ...release, rho: '1/16' }, // under-charged: noise of ρ = 1/8 claimed as cheaper
      { ...release, sigma2: '2' }, // half the noise, same charge
      { ...release, l2SensitivitySquared: '2' },
      { ...release, sigma2: '8/2' }, // not canonical
      { ...release, l2SensitivitySquared: '3/2' },
      { ...release, mechanism: 'discrete_laplace' },
      { ...release, rho: 0.125 },
      { mechanism: 'discrete_gaussian' },
      null,
      'discrete_gaussian',
    ];
    for (const claim of tampered) assert.throws(() => parseGaussianRelease(claim), claimError);
  });

  it('refuses a zero sensitivity or a zero ρ', () => {
    const invalid = (error: unknown): boolean => hasCode(error, 'INVALID_PRIVACY_PARAMETER');
    assert.throws(() => planGaussianRelease(0n, parseRational('0.1')), invalid);
    assert.throws(() => planGaussianRelease(1n, parseRational('0')), invalid);
  });
});
