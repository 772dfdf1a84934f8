import { strict as assert } from 'node:assert';
import { normalCdf, normalQuantile } from '../../../../benchmark/growth/normal-cdf.js';

/** Relative error of `got`; exact zero only matches zero. */
const relative = (got: number, want: number): number =>
  want === 0 ? Math.abs(got) : Math.abs(got / want - 1);

describe('growth/normal-cdf', () => {
  // Φ(z) to 60 digits with mpmath 1.3 (`mp.ncdf`), rounded to the nearest double.
  const cdf: [number, number][] = [
    [-38, 2.88542835e-316], // subnormal: only the digits a double can hold
    [-37.5, 4.605353009581955e-308],
    [-20, 2.7536241186062337e-89],
    [-10, 7.619853024160525e-24],
    [-8.2, 1.2019351542735859e-16],
    [-5.7, 5.990371401063528e-9],
    [-5.6, 1.071759025831093e-8],
    [-3, 0.0013498980316300946],
    [-1, 0.15865525393145705],
    [-0.6744, 0.2500285213729406],
    [-0.5, 0.3085375387259869],
    [0, 0.5],
    [0.3, 0.6179114221889527],
    [1.5, 0.9331927987311419],
    [3, 0.9986501019683699],
    [8, 0.9999999999999993],
  ];

  it('matches Φ to about 1e-15 relative, deep into the lower tail', () => {
    for (const [z, want] of cdf) {
      const tolerance = want < 1e-307 ? 1e-8 : 2e-15;
      assert.ok(relative(normalCdf(z), want) <= tolerance, `Φ(${z}) = ${normalCdf(z)}`);
    }
  });

  it('is 0 and 1 far out, symmetric, monotone, and NaN for NaN', () => {
    assert.equal(normalCdf(-40), 0);
    assert.equal(normalCdf(40), 1);
    assert.equal(normalCdf(Number.NEGATIVE_INFINITY), 0);
    assert.ok(Number.isNaN(normalCdf(Number.NaN)));
    let previous = 0;
    for (let z = -12; z <= 12; z += 0.0137) {
      const p = normalCdf(z);
      assert.ok(p >= previous, `not monotone at ${z}`);
      assert.ok(Math.abs(p + normalCdf(-z) - 1) < 2e-16, `not symmetric at ${z}`);
      previous = p;
    }
  });

  // Φ⁻¹(p) with mpmath: the root of ln Φ(x) = ln p to 40 digits.
  const quantiles: [number, number][] = [
    [1e-300, -37.0470962993612],
    [1e-20, -9.262340089798407],
    [1e-10, -6.361340902404057],
    [0.001, -3.0902323061678136],
    [0.025, -1.9599639845400543],
    [0.075, -1.439531470938456],
    [0.3, -0.5244005127080408],
    [0.9, 1.2815515655446004],
    [0.975, 1.9599639845400543],
    [1 - 2 ** -40, 7.047700256664409],
  ];

  it('matches Φ⁻¹ to about 1e-15 relative across every branch of AS 241', () => {
    for (const [p, want] of quantiles) {
      assert.ok(relative(normalQuantile(p), want) <= 4e-15, `Φ⁻¹(${p}) = ${normalQuantile(p)}`);
    }
    assert.equal(normalQuantile(0.5), 0);
  });

  it('inverts Φ, and is ±∞ at 0 and 1 and NaN outside [0, 1]', () => {
    // Above the median a double near 1 resolves Φ(z) ever more coarsely, so the exact round trip stops at z = 1.
    for (let z = -30; z <= 1; z += 0.173) {
      assert.ok(
        Math.abs(normalQuantile(normalCdf(z)) - z) < 1e-12 * Math.max(1, Math.abs(z)),
        `${z}`,
      );
    }
    assert.equal(normalQuantile(0), Number.NEGATIVE_INFINITY);
    assert.equal(normalQuantile(1), Number.POSITIVE_INFINITY);
    for (const p of [-0.1, 1.1, Number.NaN]) assert.ok(Number.isNaN(normalQuantile(p)));
  });
});
