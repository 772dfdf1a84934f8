import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { normalCdf } from '../../../../benchmark/growth/normal-cdf.js';
import { dersimonianLaird, Z_95 } from '../../../../benchmark/stats/dersimonian-laird.js';
import { compareBySite, compareEstimates } from '../../../../benchmark/stats/paired-comparison.js';

describe('stats/paired-comparison', () => {
  it('differences two pooled estimates with the variance sum, by hand', () => {
    const d = compareEstimates(
      { estimate: 0.84, variance: 0.0001 },
      { estimate: 0.8, variance: 0.0003 },
    );
    assert.ok(Math.abs(d.difference - 0.04) < 1e-15);
    assert.ok(Math.abs(d.se - 0.02) < 1e-15);
    assert.ok(Math.abs(d.ci95[0] - (0.04 - Z_95 * 0.02)) < 1e-15);
    assert.ok(Math.abs(d.ci95[1] - (0.04 + Z_95 * 0.02)) < 1e-15);
    // z = 2: p = 2Φ(−2) = 0.0455.
    assert.ok(Math.abs(d.pValue - 2 * normalCdf(-2)) < 1e-12);
    assert.equal(d.method, 'conservative (assumes non-negative correlation)');
  });

  it('is antisymmetric in the two models', () => {
    const a = { estimate: 0.7, variance: 0.002 };
    const b = { estimate: 0.75, variance: 0.001 };
    const ab = compareEstimates(a, b);
    const ba = compareEstimates(b, a);
    assert.ok(Math.abs(ab.difference + ba.difference) < 1e-15);
    assert.equal(ab.se, ba.se);
    assert.equal(ab.pValue, ba.pValue);
  });

  it('is never narrower than the truth when the sampling errors are positively correlated', () => {
    // Var(A − B) = Va + Vb − 2ρ√(VaVb) ≤ Va + Vb for ρ ≥ 0.
    const d = compareEstimates(
      { estimate: 0.9, variance: 0.0004 },
      { estimate: 0.88, variance: 0.0009 },
    );
    for (const rho of [0, 0.3, 0.9]) {
      const trueSe = Math.sqrt(0.0004 + 0.0009 - 2 * rho * 0.02 * 0.03);
      assert.ok(d.se >= trueSe);
    }
  });

  it('handles zero variances: p = 1 with no difference, 0 with one', () => {
    assert.equal(
      compareEstimates({ estimate: 1, variance: 0 }, { estimate: 1, variance: 0 }).pValue,
      1,
    );
    assert.equal(
      compareEstimates({ estimate: 1, variance: 0 }, { estimate: 0.9, variance: 0 }).pValue,
      0,
    );
  });

  it('meta-analyses per-site differences with summed variances', () => {
    const a = [
      { estimate: 0.82, variance: 0.0004 },
      { estimate: 0.78, variance: 0.0009 },
      { estimate: 0.9, variance: 0.0016 },
    ];
    const b = [
      { estimate: 0.8, variance: 0.0005 },
      { estimate: 0.79, variance: 0.0007 },
      { estimate: 0.85, variance: 0.001 },
    ];
    const bySite = compareBySite(a, b);
    const expected = dersimonianLaird([0.02, -0.01, 0.05], [0.0009, 0.0016, 0.0026]);
    assert.ok(Math.abs(bySite.pooled - expected.pooled) < 1e-15);
    assert.equal(bySite.k, 3);
    assert.ok(Math.abs(bySite.se - expected.se) < 1e-15);
  });

  it('refuses mismatched sites and invalid estimates with a code', () => {
    const invalid = (e: unknown): boolean => hasCode(e, 'STATS_INPUT_INVALID');
    const one = { estimate: 0.8, variance: 0.001 };
    assert.throws(() => compareBySite([one, one], [one]), invalid);
    assert.throws(() => compareEstimates({ estimate: Number.NaN, variance: 0.1 }, one), invalid);
    assert.throws(() => compareEstimates({ estimate: 0.8, variance: -0.1 }, one), invalid);
  });
});
