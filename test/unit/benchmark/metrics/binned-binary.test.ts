import { strict as assert } from 'node:assert';
import { binnedBinaryMetrics } from '../../../../benchmark/metrics/binned-binary.js';

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

  it('clamps negative noisy counts and counts invalid outputs apart', () => {
    const m = binnedBinaryMetrics([3, -2, 1, 4], [-1, 0, 2, 5], 1);
    assert.equal(m.negatives, 4);
    assert.equal(m.positives, 2);
    assert.equal(m.invalid, 9);
    assert.equal(m.specificity, 3 / 4);
  });

  it('returns null where a class is empty', () => {
    const m = binnedBinaryMetrics([0, 0, 0], [2, 1, 0], 1);
    assert.equal(m.auroc, null);
    assert.equal(m.specificity, null);
    assert.equal(m.sensitivity, 1 / 3);
  });
});
