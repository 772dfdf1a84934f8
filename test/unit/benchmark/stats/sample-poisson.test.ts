import { strict as assert } from 'node:assert';
import { createPrng } from '../../../../benchmark/sim/prng.js';
import { samplePoisson } from '../../../../benchmark/stats/sample-poisson.js';

describe('stats/sample-poisson', () => {
  it('has mean and variance λ on both sides of the algorithm switch', () => {
    const prng = createPrng('poisson-moments');
    for (const lambda of [0.3, 4, 9.9, 10, 25, 1000, 1e6]) {
      const n = 40_000;
      const draws = Array.from({ length: n }, () => samplePoisson(prng, lambda));
      assert.ok(draws.every((k) => Number.isInteger(k) && k >= 0));
      const m = draws.reduce((a, b) => a + b, 0) / n;
      const v = draws.reduce((a, b) => a + (b - m) ** 2, 0) / (n - 1);
      // 5 standard errors of the mean; the variance within 5%.
      assert.ok(Math.abs(m - lambda) < 5 * Math.sqrt(lambda / n), `mean at λ=${lambda}: ${m}`);
      assert.ok(Math.abs(v / lambda - 1) < 0.05, `variance at λ=${lambda}: ${v}`);
    }
  });

  it('matches the Poisson probabilities at λ = 12 (PTRS)', () => {
    const prng = createPrng('poisson-pmf');
    const n = 100_000;
    const seen = new Map<number, number>();
    for (let i = 0; i < n; i += 1) {
      const k = samplePoisson(prng, 12);
      seen.set(k, (seen.get(k) ?? 0) + 1);
    }
    let pmf = Math.exp(-12);
    for (let k = 0; k <= 24; k += 1) {
      if (k > 0) pmf *= 12 / k;
      const observed = (seen.get(k) ?? 0) / n;
      assert.ok(Math.abs(observed - pmf) < 5 * Math.sqrt(pmf / n) + 1e-4, `P(${k})`);
    }
  });

  it('returns 0 for a zero mean and repeats for the same seed', () => {
    const prng = createPrng('poisson-zero');
    assert.equal(samplePoisson(prng, 0), 0);
    const a = createPrng('same');
    const b = createPrng('same');
    for (const lambda of [2, 50]) assert.equal(samplePoisson(a, lambda), samplePoisson(b, lambda));
  });
});
