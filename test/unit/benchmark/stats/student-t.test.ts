import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { studentTCdf, studentTQuantile } from '../../../../benchmark/stats/student-t.js';

/** SciPy 1.17 `scipy.stats.t.ppf(p, df)`, printed with 15 significant digits. */
const SCIPY_PPF: readonly (readonly [number, number, number])[] = [
  [0.975, 1, 12.7062047361747],
  [0.999, 1, 318.30883898555],
  [0.975, 2, 4.30265272974946],
  [0.975, 3, 3.18244630528371],
  [0.999, 3, 10.2145318524074],
  [0.6, 5, 0.267180865704145],
  [0.975, 11, 2.20098516009164],
  [0.999, 11, 4.02470103763074],
  [0.975, 30, 2.04227245630124],
  [0.975, 1000, 1.96233908082641],
];

describe('stats/student-t', () => {
  it('matches SciPy quantiles to 1e-9 relative', () => {
    for (const [p, df, expected] of SCIPY_PPF) {
      const actual = studentTQuantile(p, df);
      assert.ok(Math.abs(actual - expected) <= 1e-9 * expected, `df ${df} p ${p}: ${actual}`);
      assert.ok(Math.abs(studentTQuantile(1 - p, df) + expected) <= 1e-9 * expected);
    }
  });

  it('matches the closed forms for 1 and 2 degrees of freedom', () => {
    for (const p of [0.51, 0.7, 0.9, 0.975, 0.995, 0.9999]) {
      const cauchy = Math.tan(Math.PI * (p - 0.5));
      const two = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      assert.ok(Math.abs(studentTQuantile(p, 1) - cauchy) <= 1e-9 * cauchy);
      assert.ok(Math.abs(studentTQuantile(p, 2) - two) <= 1e-9 * two);
    }
  });

  it('inverts its CDF, which matches SciPy and is symmetric', () => {
    // scipy.stats.t.cdf(1.5, df) for df = 1, 5, 30.
    assert.ok(Math.abs(studentTCdf(1.5, 1) - 0.812832958189001) < 1e-12);
    assert.ok(Math.abs(studentTCdf(1.5, 5) - 0.903048159878763) < 1e-12);
    assert.ok(Math.abs(studentTCdf(1.5, 30) - 0.927967035435677) < 1e-12);
    for (const df of [1, 2.5, 7, 40]) {
      for (const p of [0.01, 0.3, 0.5, 0.8, 0.999]) {
        assert.ok(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p) < 1e-12);
      }
      assert.ok(Math.abs(studentTCdf(-0.7, df) + studentTCdf(0.7, df) - 1) < 1e-14);
    }
    assert.equal(studentTCdf(Infinity, 3), 1);
    assert.equal(studentTCdf(-Infinity, 3), 0);
    assert.equal(studentTQuantile(0.5, 4), 0);
  });

  it('refuses probabilities outside (0, 1) and non-positive df with a code', () => {
    for (const [p, df] of [
      [0, 3],
      [1, 3],
      [Number.NaN, 3],
      [0.9, 0],
      [0.9, -1],
      [0.9, Infinity],
    ] as const) {
      assert.throws(
        () => studentTQuantile(p, df),
        (e) => hasCode(e, 'STATS_INPUT_INVALID'),
      );
    }
  });
});
