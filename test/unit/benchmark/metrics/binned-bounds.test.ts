import { strict as assert } from 'node:assert';
import { binaryMetrics } from '../../../../benchmark/metrics/binary-metrics.js';
import type { BinnedBinaryMetrics, Interval } from '../../../../benchmark/metrics/binned-binary.js';
import { binnedBinaryMetrics } from '../../../../benchmark/metrics/binned-binary.js';
import { binnedEce } from '../../../../benchmark/metrics/binned-calibration.js';
import type { Examples, Placement } from './binned-fixtures.js';
import {
  BINS,
  WIDTH,
  histogramsOf,
  placeExamples,
  randomCounts,
  randomExamples,
} from './binned-fixtures.js';

type Bounded = 'auroc' | 'auprc' | 'brier' | 'ece';

function evaluate(examples: Examples) {
  const { negative, positive } = histogramsOf(examples);
  return {
    binned: binnedBinaryMetrics(negative, positive, BINS / 2),
    exact: binaryMetrics(examples.labels, examples.scores),
    negative,
    positive,
  };
}

/** The documented AUROC bound, from the histograms: ½ Σ_b P_b·N_b / (P·N). */
function aurocBound(negative: number[], positive: number[]): number {
  const sum = (h: number[]) => h.slice(0, BINS).reduce((a, b) => a + b, 0);
  const tied = positive.slice(0, BINS).reduce((s, p, b) => s + p * (negative[b] as number), 0);
  return (0.5 * tied) / (sum(positive) * sum(negative));
}

function boundsOf(binned: BinnedBinaryMetrics, key: Bounded): Interval {
  const interval = binned.bounds[key];
  assert.ok(interval !== null, key);
  return interval;
}

function assertWithin(binned: BinnedBinaryMetrics, exact: number | null, key: Bounded, at: string) {
  const { lower, upper } = boundsOf(binned, key);
  const value = binned[key] as number;
  assert.ok(
    lower - 1e-12 <= (exact as number) && (exact as number) <= upper + 1e-12,
    `${at} ${key}`,
  );
  assert.ok(lower <= value && value <= upper, `${at} ${key} estimate`);
}

/** Scores at a fraction of their bin's width; `0.999999999` is as near the open top as we need. */
const at = (bin: number, fraction: number) => (bin + fraction) * WIDTH;

describe('binned metrics: the exact value lies within the documented bounds', () => {
  const cases: [string, Examples][] = [
    ['uniform', randomExamples('b1', 4000, 0.3, (u, y) => (u + y * 0.4) / 1.4)],
    ['skewed, rare positives', randomExamples('b2', 6000, 0.03, (u, y) => u ** (4 - 3 * y))],
    ['few bins used', randomExamples('b3', 3000, 0.5, (u, y) => 0.4 + 0.15 * u + 0.05 * y)],
    ['ties on edges', randomExamples('b4', 3000, 0.4, (u, y) => Math.floor((u + y) * 10) / 20)],
    ['tiny', randomExamples('b5', 12, 0.5, (u) => u)],
  ];
  for (const [name, examples] of cases) {
    it(`AUROC within ½ Σ P_b·N_b / (P·N); AUPRC, Brier and ECE within their intervals (${name})`, () => {
      const { binned, exact, negative, positive } = evaluate(examples);
      const bound = aurocBound(negative, positive);
      assert.ok(Math.abs((binned.auroc as number) - (exact.auroc as number)) <= bound + 1e-12);
      assert.ok(
        Math.abs(boundsOf(binned, 'auroc').upper - (binned.auroc as number) - bound) < 1e-12,
      );
      for (const key of ['auroc', 'auprc', 'brier', 'ece'] as const) {
        assertWithin(binned, exact[key], key, name);
      }
      assert.ok(Math.abs((binned.brier as number) - (exact.brier as number)) <= WIDTH);
      assert.ok(Math.abs((binned.ece as number) - (exact.ece as number)) <= WIDTH / 2 + 1e-12);
    });
  }

  it('has no ECE unless the histogram bins nest in the 10 ECE bins', () => {
    assert.equal(binnedEce(new Array<number>(15).fill(1), new Array<number>(15).fill(1)), null);
    assert.ok(binnedEce(new Array<number>(30).fill(1), new Array<number>(30).fill(1)) !== null);
  });
});

describe('binned metrics: each bound is attained (or approached) by some scores', () => {
  const counts = randomCounts('worst');

  it('AUROC: off by exactly the bound when every bin ranks all its positives above (or below) its negatives', () => {
    const high = placeExamples(counts, (bin, label) => at(bin, label === 1 ? 0.9 : 0.1));
    const low = placeExamples(counts, (bin, label) => at(bin, label === 1 ? 0.1 : 0.9));
    const { binned, exact, negative, positive } = evaluate(high);
    const bound = aurocBound(negative, positive);
    assert.ok(bound > 0.02, 'the construction must leave many pairs unordered');
    assert.ok(Math.abs((exact.auroc as number) - (binned.auroc as number) - bound) < 1e-12);
    assert.ok(Math.abs((exact.auroc as number) - boundsOf(binned, 'auroc').upper) < 1e-12);
    const reversed = evaluate(low);
    assert.ok(
      Math.abs((reversed.binned.auroc as number) - (reversed.exact.auroc as number) - bound) <
        1e-12,
    );
  });

  it('AUPRC: the upper end with positives tied above negatives, the lower with negatives first', () => {
    const tiedAbove = evaluate(
      placeExamples(counts, (bin, label) => at(bin, label === 1 ? 0.9 : 0.1)),
    );
    const upper = boundsOf(tiedAbove.binned, 'auprc').upper;
    assert.ok(Math.abs((tiedAbove.exact.auprc as number) - upper) < 1e-12);
    const negativesFirst: Placement = (bin, label, i, count) =>
      at(bin, label === 1 ? 0.9 * (1 - (i + 1) / (count + 1)) : 0.95);
    const below = evaluate(placeExamples(counts, negativesFirst));
    const lower = boundsOf(below.binned, 'auprc').lower;
    assert.ok(Math.abs((below.exact.auprc as number) - lower) < 1e-12);
    assert.ok(upper - lower > 0.02, 'the construction must make the bins matter');
    assert.equal(tiedAbove.binned.auprc, below.binned.auprc);
  });

  it('Brier: approached with the scores at the bin ends that make each term extreme', () => {
    const top = 0.999999999;
    const largest = evaluate(placeExamples(counts, (bin, label) => at(bin, label === 1 ? 0 : top)));
    const smallest = evaluate(
      placeExamples(counts, (bin, label) => at(bin, label === 1 ? top : 0)),
    );
    assert.ok(
      Math.abs((largest.exact.brier as number) - boundsOf(largest.binned, 'brier').upper) < 1e-8,
    );
    assert.ok(
      Math.abs((smallest.exact.brier as number) - boundsOf(smallest.binned, 'brier').lower) < 1e-8,
    );
  });

  it('ECE: approached with every ECE bin’s mean score at, or as near as possible to, the far or near end', () => {
    const { negative, positive } = counts;
    // Mean label of each ECE bin (histogram bins 2e and 2e + 1), and its histogram's low mean.
    const meanLabel = (ece: number) => {
      const p = (positive[2 * ece] as number) + (positive[2 * ece + 1] as number);
      const n = (negative[2 * ece] as number) + (negative[2 * ece + 1] as number);
      return p / (p + n);
    };
    const lowMean = (ece: number) => {
      const count = (b: number) => (positive[b] as number) + (negative[b] as number);
      return (
        (count(2 * ece) * at(2 * ece, 0) + count(2 * ece + 1) * at(2 * ece + 1, 0)) /
        (count(2 * ece) + count(2 * ece + 1))
      );
    };
    // Far: all at the low ends or all at the top ends; near: the same fraction of the width
    // everywhere, which moves the mean score by that fraction of one width.
    const far: Placement = (bin) => {
      const e = Math.floor(bin / 2);
      return at(bin, meanLabel(e) > lowMean(e) + WIDTH / 2 ? 0 : 0.999999999);
    };
    const near: Placement = (bin) => {
      const e = Math.floor(bin / 2);
      return at(bin, Math.min(0.999999999, Math.max(0, (meanLabel(e) - lowMean(e)) / WIDTH)));
    };
    const upper = evaluate(placeExamples(counts, far));
    const lower = evaluate(placeExamples(counts, near));
    assert.ok(Math.abs((upper.exact.ece as number) - boundsOf(upper.binned, 'ece').upper) < 1e-8);
    assert.ok(Math.abs((lower.exact.ece as number) - boundsOf(lower.binned, 'ece').lower) < 1e-8);
    assert.ok(boundsOf(upper.binned, 'ece').upper - boundsOf(upper.binned, 'ece').lower > 0.01);
  });
});
