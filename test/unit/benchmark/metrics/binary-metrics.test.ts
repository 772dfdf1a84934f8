import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { BINARY_METRIC_KEYS, binaryMetrics } from '../../../../benchmark/metrics/binary-metrics.js';

const labels = Uint8Array.from([1, 1, 1, 0, 0, 0, 0, 0]);
const scores = Float64Array.from([0.9, 0.6, 0.2, 0.7, 0.4, 0.3, 0.1, 0.05]);

describe('binaryMetrics', () => {
  it('computes every metric of a small case worked by hand', () => {
    // At 0.5: TP 2 (0.9, 0.6), FN 1 (0.2), FP 1 (0.7), TN 4.
    const m = binaryMetrics(labels, scores);
    assert.deepEqual(Object.keys(m), [...BINARY_METRIC_KEYS]);
    assert.equal(m.n, 8);
    assert.equal(m.positives, 3);
    assert.equal(m.accuracy, 6 / 8);
    assert.equal(m.precision, 2 / 3);
    assert.equal(m.recall, 2 / 3);
    assert.equal(m.specificity, 4 / 5);
    assert.ok(Math.abs((m.f1 as number) - 2 / 3) < 1e-15);
    const squares = [0.01, 0.16, 0.64, 0.49, 0.16, 0.09, 0.01, 0.0025];
    assert.ok(Math.abs((m.brier as number) - squares.reduce((a, b) => a + b) / 8) < 1e-15);
    // Pairs won: 0.9 beats 5, 0.6 beats 4, 0.2 beats 2 → 11 of 15.
    assert.ok(Math.abs((m.auroc as number) - 11 / 15) < 1e-15);
    // Ranked 1, 0(0.7), 1, …, 1 at rank 6: AP = (1/1 + 2/3 + 3/6) / 3.
    assert.ok(Math.abs((m.auprc as number) - (1 + 2 / 3 + 3 / 6) / 3) < 1e-15);
    // ECE bins: 0→{0.05}, 1→{0.1}, 2→{0.2}, 3→{0.3}, 4→{0.4}, 6→{0.6}, 7→{0.7}, 9→{0.9}.
    const gaps = [0.05, 0.1, 0.8, 0.3, 0.4, 0.4, 0.7, 0.1];
    assert.ok(Math.abs((m.ece as number) - gaps.reduce((a, b) => a + b) / 8) < 1e-15);
  });

  it('decides at the threshold given, a score equal to it being positive', () => {
    const m = binaryMetrics(labels, scores, 0.2);
    assert.equal(m.recall, 1);
    assert.equal(m.specificity, 2 / 5);
    assert.equal(binaryMetrics(labels, scores, 0.91).precision, 0);
  });

  it('puts a score of exactly 1 in the top ECE bin and 0 in the bottom one', () => {
    const m = binaryMetrics(Uint8Array.from([1, 0]), Float64Array.from([1, 0]));
    assert.equal(m.ece, 0);
    assert.equal(m.brier, 0);
    const half = binaryMetrics(Uint8Array.from([1, 1]), Float64Array.from([1, 0.95]));
    assert.ok(Math.abs((half.ece as number) - 0.025) < 1e-15);
  });

  it('gives 0 for a rate with an empty denominator, as scikit-learn does', () => {
    const m = binaryMetrics(Uint8Array.from([0, 0]), Float64Array.from([0.1, 0.2]));
    assert.deepEqual(
      [m.precision, m.recall, m.f1, m.specificity, m.auroc, m.auprc],
      [0, 0, 0, 1, null, null],
    );
    const allPositive = binaryMetrics(Uint8Array.from([1, 1]), Float64Array.from([0.1, 0.2]));
    assert.deepEqual([allPositive.precision, allPositive.specificity], [0, 0]);
  });

  it('is all null for no example', () => {
    const m = binaryMetrics(new Uint8Array(0), new Float64Array(0));
    assert.equal(m.n, 0);
    for (const key of BINARY_METRIC_KEYS.slice(2)) assert.equal(m[key], null, key);
  });

  it('refuses labels other than 0/1, scores outside [0, 1] or NaN, and unequal lengths', () => {
    const bad: [Uint8Array, Float64Array | Float32Array][] = [
      [Uint8Array.from([2]), Float64Array.from([0.5])],
      [Uint8Array.from([1]), Float64Array.from([1.0000001])],
      [Uint8Array.from([1]), Float64Array.from([-0.1])],
      [Uint8Array.from([1]), Float32Array.from([Number.NaN])],
      [Uint8Array.from([1]), Float64Array.from([Number.POSITIVE_INFINITY])],
      [Uint8Array.from([1, 0]), Float64Array.from([0.5])],
    ];
    for (const [l, s] of bad) {
      assert.throws(
        () => binaryMetrics(l, s),
        (e: unknown) => hasCode(e, 'METRIC_INPUT_INVALID'),
      );
    }
  });
});
