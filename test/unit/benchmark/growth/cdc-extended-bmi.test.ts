import { strict as assert } from 'node:assert';
import {
  EXTENDED_Z_CAP,
  Z_P95,
  cdcExtendedBmi,
  extendedBmiSigma,
} from '../../../../benchmark/growth/cdc-extended-bmi.js';
import { cdcLms } from '../../../../benchmark/growth/cdc-lms.js';
import { lmsValue } from '../../../../benchmark/growth/lms.js';
import { normalCdf, normalQuantile } from '../../../../benchmark/growth/normal-cdf.js';
import { scoreIndicator } from '../../../../benchmark/growth/score-indicator.js';

describe('growth/cdc-extended-bmi (CDC 2022)', () => {
  const lms = cdcLms('bfa', 2, 150);
  assert.ok(lms !== undefined);
  const p95 = lmsValue(Z_P95, lms.l, lms.m, lms.s);

  it('uses Wei et al.’s σ: boys 0.3728 + 0.5196y − 0.0091y², girls 0.8334 + 0.3712y − 0.0011y²', () => {
    assert.ok(Math.abs(extendedBmiSigma(1, 120) - 4.6588) < 1e-12);
    assert.ok(Math.abs(extendedBmiSigma(2, 120) - 4.4354) < 1e-12);
    assert.ok(Math.abs(extendedBmiSigma(1, 24) - (0.3728 + 1.0392 - 0.0364)) < 1e-12);
    assert.ok(Math.abs(Z_P95 - normalQuantile(0.95)) < 1e-15);
  });

  it('is the LMS z below P95 and the half-normal tail above it, continuous at P95', () => {
    const below = cdcExtendedBmi(p95 * 0.98, 2, 150, lms);
    assert.equal(below.z, scoreIndicator('cdc2000.bfa', 2, 150, p95 * 0.98).z);
    assert.ok(Math.abs(below.percentile - 100 * normalCdf(below.z)) < 1e-12);
    const at = cdcExtendedBmi(p95 * (1 + 1e-12), 2, 150, lms);
    assert.ok(Math.abs(at.percentile - 95) < 1e-9 && Math.abs(at.z - Z_P95) < 1e-9);
    const above = cdcExtendedBmi(p95 + 6, 2, 150, lms);
    const expected = 90 + 10 * normalCdf(6 / extendedBmiSigma(2, 150));
    assert.ok(Math.abs(above.percentile - expected) < 1e-12);
    assert.ok(Math.abs(above.z - normalQuantile(expected / 100)) < 1e-12);
    // With L < 0 the LMS z can never pass −1/(L·S) (3.41 here); the extended z keeps rising.
    const ceiling = -1 / (lms.l * lms.s);
    assert.ok(scoreIndicator('cdc2000.bfa', 2, 150, p95 + 25).z < ceiling && ceiling < 3.5);
    assert.ok(cdcExtendedBmi(p95 + 25, 2, 150, lms).z > 4.5);
  });

  it('caps z at 8.21 when the percentile rounds to 100', () => {
    const extreme = cdcExtendedBmi(p95 + 60, 2, 150, lms);
    assert.equal(extreme.percentile, 100);
    assert.equal(extreme.z, EXTENDED_Z_CAP);
    const near = cdcExtendedBmi(p95 + 40, 2, 150, lms);
    assert.ok(near.z > 7 && near.z < EXTENDED_Z_CAP, `${near.z}`);
  });

  it('scores nothing for a BMI that is not positive', () => {
    const none = cdcExtendedBmi(0, 1, 100, lms);
    assert.ok(Number.isNaN(none.z) && Number.isNaN(none.percentile));
  });
});
