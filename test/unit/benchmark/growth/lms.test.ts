import { strict as assert } from 'node:assert';
import {
  lmsValue,
  lmsValueRestricted,
  lmsZ,
  lmsZRestricted,
  roundHalfUp,
  roundZ,
} from '../../../../benchmark/growth/lms.js';

const close = (a: number, b: number, tol = 1e-9): void =>
  assert.ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

describe('growth/lms', () => {
  const params: [number, number, number][] = [
    [0.3487, 3.3464, 0.14602], // boys' weight-for-age, day 0
    [1, 49.8842, 0.03795], // boys' length-for-age, day 0
    [-0.7387, 15.2641, 0.0839], // boys' BMI-for-age, 61 months
    [0, 10, 0.1], // L = 0: log-normal
  ];

  it('lmsValue inverts lmsZ for every L, including 0', () => {
    for (const [l, m, s] of params) {
      for (const z of [-3.5, -2, -0.4, 0, 1.3, 2.9, 4]) {
        close(lmsZ(lmsValue(z, l, m, s), l, m, s), z);
      }
      assert.equal(lmsValue(0, l, m, s), m);
    }
  });

  it('uses ln(X/M)/S when L = 0', () => {
    close(lmsZ(10 * Math.exp(0.1 * 1.5), 0, 10, 0.1), 1.5);
    close(lmsValue(-2, 0, 10, 0.1), 10 * Math.exp(-0.2));
  });

  it('is missing for non-positive measurements and undefined Box-Cox values', () => {
    assert.ok(Number.isNaN(lmsZ(0, 1, 50, 0.04)));
    assert.ok(Number.isNaN(lmsZ(-1, 0, 10, 0.1)));
    assert.ok(Number.isNaN(lmsZ(Number.NaN, 1, 50, 0.04)));
    assert.ok(Number.isNaN(lmsValue(-30, 1, 50, 0.04))); // 1 + L·S·z < 0
  });

  it('restricts the tails beyond ±3 SD to the 2→3 SD spacing', () => {
    const [l, m, s] = [-0.3521, 7.4327, 0.08217];
    const sd2 = lmsValue(2, l, m, s);
    const sd3 = lmsValue(3, l, m, s);
    const sd2neg = lmsValue(-2, l, m, s);
    const sd3neg = lmsValue(-3, l, m, s);
    close(lmsZRestricted(sd3, l, m, s), 3);
    close(lmsZRestricted(sd3 + (sd3 - sd2), l, m, s), 4);
    close(lmsZRestricted(sd3neg - 1.5 * (sd2neg - sd3neg), l, m, s), -4.5);
    // Inside ±3 SD it is the plain LMS z.
    const inside = lmsValue(2.5, l, m, s);
    assert.equal(lmsZRestricted(inside, l, m, s), lmsZ(inside, l, m, s));
    // With L < 0 the right tail of the curve is longer than the linear one.
    const far = sd3 + 2 * (sd3 - sd2);
    assert.ok(lmsZ(far, l, m, s) < lmsZRestricted(far, l, m, s));
  });

  it('lmsValueRestricted inverts lmsZRestricted on both sides', () => {
    const [l, m, s] = [-0.3521, 7.4327, 0.08217];
    for (const z of [-5.2, -3.01, -1, 0.5, 2.99, 3.4, 6]) {
      close(lmsZRestricted(lmsValueRestricted(z, l, m, s), l, m, s), z);
    }
  });

  it('rounds ages half up and z to 2 decimals without −0', () => {
    assert.deepEqual([0.5, 1.49, 1.5, 730.5, 730.49].map(roundHalfUp), [1, 1, 2, 731, 730]);
    assert.ok(Object.is(roundZ(-0.004), 0));
    assert.deepEqual([5.004, -6.006, 1.2349].map(roundZ), [5, -6.01, 1.23]);
  });
});
