import { strict as assert } from 'node:assert';
import { whoLms } from '../../../../benchmark/growth/who-lms.js';

const close = (a: number | undefined, b: number, tol = 1e-12): void =>
  assert.ok(a !== undefined && Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe('growth/who-lms', () => {
  it('reads the published rows', () => {
    assert.deepEqual(whoLms('wfa2006', 1, 0), { l: 0.3487, m: 3.3464, s: 0.14602 });
    assert.deepEqual(whoLms('bfa2007', 1, 61), { l: -0.7387, m: 15.2641, s: 0.0839 });
    assert.deepEqual(whoLms('lhfa2006', 2, 1826), { l: 1, m: 109.4189, s: 0.04346 });
    assert.deepEqual(whoLms('wfh2006', 2, 120), { l: -0.3833, m: 22.8173, s: 0.09828 });
  });

  it('rounds age in days half up for the daily tables', () => {
    assert.deepEqual(whoLms('wfa2006', 1, 0.5), whoLms('wfa2006', 1, 1));
    assert.deepEqual(whoLms('wfa2006', 1, 0.49), whoLms('wfa2006', 1, 0));
  });

  it('interpolates length per 0.1 cm and age per month', () => {
    const low = whoLms('wfl2006', 1, 45);
    const high = whoLms('wfl2006', 1, 45.1);
    const mid = whoLms('wfl2006', 1, 45.05);
    close(mid?.m, ((low?.m ?? 0) + (high?.m ?? 0)) / 2, 1e-9);
    const m60 = whoLms('hfa2007', 1, 60)?.m ?? 0;
    const m61 = whoLms('hfa2007', 1, 61)?.m ?? 0;
    close(whoLms('hfa2007', 1, 60.25)?.m, m60 + 0.25 * (m61 - m60));
  });

  it('returns undefined outside the tables and for an unknown sex, never extrapolating', () => {
    for (const [indicator, x] of [
      ['wfa2006', 1827],
      ['wfa2006', -1],
      ['wfl2006', 44.99],
      ['wfl2006', 110.05],
      ['wfh2006', 64.9],
      ['wfa2007', 121.5],
      ['hfa2007', 59.9],
      ['bfa2007', Number.NaN],
    ] as const) {
      assert.equal(whoLms(indicator, 1, x), undefined, `${indicator} ${x}`);
    }
    assert.equal(whoLms('wfa2006', 3, 10), undefined);
    assert.notEqual(whoLms('wfl2006', 2, 110), undefined);
  });
});
