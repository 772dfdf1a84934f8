import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { dersimonianLaird, Z_95 } from '../../../../benchmark/stats/dersimonian-laird.js';

/**
 * BCG vaccine trials (Colditz et al., JAMA 1994; metafor's `dat.bcg`):
 * tpos, tneg, cpos, cneg per trial.
 */
const BCG = [
  [4, 119, 11, 128],
  [6, 300, 29, 274],
  [3, 228, 11, 209],
  [62, 13536, 248, 12619],
  [33, 5036, 47, 5761],
  [180, 1361, 372, 1079],
  [8, 2537, 10, 619],
  [505, 87886, 499, 87892],
  [29, 7470, 45, 7232],
  [17, 1699, 65, 1600],
  [186, 50448, 141, 27197],
  [5, 2493, 3, 2338],
  [27, 16886, 29, 17825],
] as const;

/** Log risk ratios and their variances, as metafor's escalc(measure = "RR"). */
function logRiskRatios(): { yi: number[]; vi: number[] } {
  const yi = BCG.map(([a, b, c, d]) => Math.log(a / (a + b) / (c / (c + d))));
  const vi = BCG.map(([a, b, c, d]) => 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));
  return { yi, vi };
}

function near(actual: number, expected: number, tolerance: number): void {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} ≉ ${expected}`);
}

describe('stats/dersimonian-laird', () => {
  it('reproduces metafor on the BCG trials (rma(yi, vi, method = "DL"))', () => {
    const { yi, vi } = logRiskRatios();
    // escalc values metafor prints for the first trial.
    near(yi[0]!, -0.8893, 5e-5);
    near(vi[0]!, 0.3256, 5e-5);
    const r = dersimonianLaird(yi, vi);
    // metafor tests/testthat/test_misc_metan_vs_rma.uni_with_dat.bcg.r (and Stata's metan).
    assert.equal(r.k, 13);
    near(r.pooled, -0.7141, 5e-5);
    near(r.ci95[0], -1.0644, 5e-5);
    near(r.ci95[1], -0.3638, 5e-5);
    near(r.pooled / r.se, -3.9952, 5e-5);
    near(r.tau2, 0.3088, 5e-5);
    near(r.i2 * 100, 92.1173, 5e-5);
    near(r.q, 152.233, 5e-4);
    near(r.se, 0.1787, 5e-5);
    // Prediction interval by hand: μ̂ ± t_{11, .975} √(τ² + SE²), t from SciPy.
    const half = 2.200985160091639 * Math.sqrt(r.tau2 + r.se ** 2);
    near(r.predictionInterval![0], r.pooled - half, 1e-9);
    near(r.predictionInterval![1], r.pooled + half, 1e-9);
    near(r.predictionInterval![0], -1.9988, 5e-5);
    near(r.predictionInterval![1], 0.5706, 5e-5);
  });

  it('I² equals τ²/(τ² + s²) with the typical within-study variance, as metafor defines it', () => {
    const { yi, vi } = logRiskRatios();
    const r = dersimonianLaird(yi, vi);
    const w = vi.map((v) => 1 / v);
    const sumW = w.reduce((a, b) => a + b, 0);
    const typical = ((yi.length - 1) * sumW) / (sumW ** 2 - w.reduce((a, b) => a + b * b, 0));
    near(r.i2, r.tau2 / (r.tau2 + typical), 1e-12);
  });

  it('matches a hand computation with exact fractions', () => {
    // w = 100, 50, 25; ȳ_FE = 33.75/175; Q = 115/56; C = 175 − 13125/175 = 100.
    const r = dersimonianLaird([0.1, 0.3, 0.35], [0.01, 0.02, 0.04]);
    near(r.q, 115 / 56, 1e-12);
    near(r.tau2, 3 / 5600, 1e-15);
    near(r.i2, 3 / 115, 1e-12);
    const w = [0.01, 0.02, 0.04].map((v) => 1 / (v + 3 / 5600));
    const sumW = w[0]! + w[1]! + w[2]!;
    near(r.pooled, (0.1 * w[0]! + 0.3 * w[1]! + 0.35 * w[2]!) / sumW, 1e-14);
    near(r.se, 1 / Math.sqrt(sumW), 1e-14);
    near(r.ci95[1] - r.pooled, Z_95 * r.se, 1e-14);
    // One degree of freedom: t_{1, .975} = tan(0.475π).
    const half = Math.tan(0.475 * Math.PI) * Math.sqrt(3 / 5600 + r.se ** 2);
    near(r.predictionInterval![1] - r.pooled, half, 1e-9);
  });

  it('truncates τ² at 0 when the sites agree more than chance allows', () => {
    const r = dersimonianLaird([0.8, 0.81, 0.8], [0.01, 0.01, 0.01]);
    assert.ok(r.q < 2);
    assert.equal(r.tau2, 0);
    assert.equal(r.i2, 0);
    near(r.pooled, 2.41 / 3, 1e-15);
    near(r.se, Math.sqrt(0.01 / 3), 1e-15);
  });

  it('returns one site as it is, with no heterogeneity and no prediction interval', () => {
    const r = dersimonianLaird([0.75], [0.0004]);
    assert.equal(r.k, 1);
    assert.equal(r.pooled, 0.75);
    near(r.se, 0.02, 1e-15);
    near(r.ci95[0], 0.75 - Z_95 * 0.02, 1e-15);
    assert.equal(r.tau2, 0);
    assert.equal(r.q, 0);
    assert.equal(r.i2, 0);
    assert.equal(r.predictionInterval, null);
  });

  it('has no prediction interval with two sites', () => {
    const r = dersimonianLaird([0.7, 0.9], [0.001, 0.001]);
    assert.equal(r.k, 2);
    assert.ok(r.tau2 > 0);
    assert.equal(r.predictionInterval, null);
  });

  it('refuses empty, mismatched, non-finite and non-positive input with codes', () => {
    const invalid = (e: unknown): boolean => hasCode(e, 'STATS_INPUT_INVALID');
    assert.throws(() => dersimonianLaird([], []), invalid);
    assert.throws(() => dersimonianLaird([1, 2], [1]), invalid);
    assert.throws(() => dersimonianLaird([1, Number.NaN], [1, 1]), invalid);
    assert.throws(() => dersimonianLaird([1, 2], [1, Infinity]), invalid);
    const zero = (e: unknown): boolean => hasCode(e, 'STATS_VARIANCE_NOT_POSITIVE');
    assert.throws(() => dersimonianLaird([1, 2], [0.1, 0]), zero);
    assert.throws(() => dersimonianLaird([1], [-1]), zero);
  });
});
