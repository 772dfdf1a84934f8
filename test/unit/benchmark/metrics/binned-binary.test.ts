import { strict as assert } from 'node:assert';
import { binaryMetrics } from '../../../../benchmark/metrics/binary-metrics.js';
import { binnedBinaryMetrics } from '../../../../benchmark/metrics/binned-binary.js';
import type { Examples } from './binned-fixtures.js';
import { BINS, histogramsOf, randomExamples } from './binned-fixtures.js';

/** Exact Mann–Whitney AUROC with ties counted half. */
function exactAuroc(negatives: number[], positives: number[]): number {
  let pairs = 0;
  for (const p of positives) for (const n of negatives) pairs += p > n ? 1 : p === n ? 0.5 : 0;
  return pairs / (positives.length * negatives.length);
}

function histogram(scores: number[], bins: number): number[] {
  const h = new Array<number>(bins + 1).fill(0);
  for (const s of scores) h[Math.min(Math.floor(s * bins), bins - 1)]! += 1;
  return h;
}

describe('binnedBinaryMetrics', () => {
  it('equals the exact AUROC when scores are bin representatives', () => {
    const neg = [0.05, 0.15, 0.15, 0.35, 0.55, 0.85];
    const pos = [0.15, 0.45, 0.55, 0.75, 0.95];
    const m = binnedBinaryMetrics(histogram(neg, 10), histogram(pos, 10), 5);
    assert.equal(m.auroc, exactAuroc(neg, pos));
    assert.equal(m.positives, 5);
    assert.equal(m.negatives, 6);
    assert.equal(m.sensitivity, 3 / 5);
    assert.equal(m.specificity, 4 / 6);
  });

  it('stays within the documented binning error bound for arbitrary scores', () => {
    const neg = [0.01, 0.02, 0.33, 0.31, 0.52, 0.6, 0.61];
    const pos = [0.32, 0.34, 0.59, 0.9, 0.91];
    const hn = histogram(neg, 10);
    const hp = histogram(pos, 10);
    const m = binnedBinaryMetrics(hn, hp, 5);
    const bound = (0.5 * hp.slice(0, 10).reduce((s, p, b) => s + p * hn[b]!, 0)) / (5 * 7);
    assert.ok(Math.abs(m.auroc! - exactAuroc(neg, pos)) <= bound + 1e-12);
  });

  it('sums noisy counts as released, clamps only the sums, and counts invalid outputs apart', () => {
    const m = binnedBinaryMetrics([3, -2, 1, 4], [-1, 0, 2, 5], 1);
    assert.equal(m.negatives, 2);
    assert.equal(m.positives, 1);
    assert.equal(m.invalid, 9);
    // Above the threshold the negatives' −2 and 1 sum to −1: no false positive.
    assert.equal(m.specificity, 1);
    // Σ p_b·N_{<b} = 2·1, Σ p_b·n_b = −3 + 2 = −1: (2 − ½) / (1·2).
    assert.equal(m.auroc, 0.75);
    assert.deepEqual(m.bounds.auroc, { lower: 0.75, upper: 0.75 });
  });

  it('keeps AUROC and Brier in [0, 1] however the noise falls', () => {
    const m = binnedBinaryMetrics([-5, 1, 6, 0], [9, -8, 0.5, 0], 1);
    for (const value of [m.auroc, m.brier, m.bounds.auroc?.lower, m.bounds.auroc?.upper]) {
      assert.ok(value !== null && value !== undefined && value >= 0 && value <= 1, `${value}`);
    }
    assert.equal(binnedBinaryMetrics([1, 2, 0], [-3, 2, 0], 1).auroc, null);
  });

  it('returns null where a class is empty', () => {
    const m = binnedBinaryMetrics([0, 0, 0], [2, 1, 0], 1);
    assert.equal(m.auroc, null);
    assert.equal(m.specificity, null);
    assert.equal(m.sensitivity, 1 / 3);
    assert.equal(m.auprc, null);
    assert.deepEqual(m.bounds.auroc, null);
    assert.equal(m.precision, 1);
    // Brier needs no second class; ECE needs a multiple of 10 bins.
    assert.ok(m.brier !== null);
    assert.equal(m.ece, null);
  });

  describe('at a bin-aligned threshold', () => {
    const cases: [string, Examples][] = [
      ['uniform', randomExamples('t1', 3000, 0.3, (u, y) => (u + y * 0.3) / 1.3)],
      ['skewed, rare positives', randomExamples('t2', 5000, 0.02, (u, y) => u ** (3 - 2 * y))],
      // Scores on the bin edges themselves (k/20), where binning and "score ≥ t" must agree.
      ['on the edges', randomExamples('t3', 2000, 0.4, (u, y) => Math.floor((u + y) * 10) / 20)],
    ];
    for (const [name, examples] of cases) {
      it(`equals the exact accuracy, precision, recall, specificity and F1 (${name})`, () => {
        const { negative, positive } = histogramsOf(examples);
        for (let thresholdBin = 0; thresholdBin <= BINS; thresholdBin++) {
          const binned = binnedBinaryMetrics(negative, positive, thresholdBin);
          const exact = binaryMetrics(examples.labels, examples.scores, thresholdBin / BINS);
          const pairs = [
            [binned.accuracy, exact.accuracy],
            [binned.precision, exact.precision],
            [binned.sensitivity, exact.recall],
            [binned.specificity, exact.specificity],
            [binned.f1, exact.f1],
          ] as const;
          for (const [b, e] of pairs) {
            // Where the binned rate is null (empty denominator) the exact one is scikit-learn's 0.
            if (b === null) assert.equal(e, 0, `${name} @${thresholdBin}`);
            else assert.ok(Math.abs(b - (e as number)) < 1e-12, `${name} @${thresholdBin}`);
          }
        }
      });
    }
  });
});
