import { strict as assert } from 'node:assert';
import {
  countStatusCells,
  decodeStatusCells,
  scoreBin,
  STATUS_CELL_COUNT,
  STATUS_L2_SENSITIVITY_SQUARED,
  sumCells,
} from '../../../../benchmark/tasks/growth-status-statistics.js';

/** A small deterministic generator for test data (not for noise). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function randomExamples(rows: number, seed: number): { labels: Int8Array; scores: Float32Array } {
  const next = lcg(seed);
  const labels = new Int8Array(rows * 6).map(() => Math.floor(next() * 3) - 1);
  const scores = new Float32Array(rows * 6).map(() => (next() < 0.05 ? Number.NaN : next()));
  return { labels, scores };
}

describe('growth.status statistics', () => {
  it('bins scores on the public edges and sends invalid outputs to the last cell', () => {
    assert.equal(scoreBin(0), 0);
    assert.equal(scoreBin(0.5), 10);
    assert.equal(scoreBin(1), 19);
    assert.equal(scoreBin(Number.NaN), 20);
    assert.equal(scoreBin(-0.01), 20);
    assert.equal(scoreBin(Number.POSITIVE_INFINITY), 20);
  });

  it('counts every defined label once and decodes back by name', () => {
    const labels = Int8Array.from([1, 0, -1, -1, -1, 1, 0, 0, 0, 0, 0, -1]);
    const scores = Float32Array.from([
      0.925,
      0.1,
      0.5,
      0.5,
      0.5,
      0.02,
      0.3,
      Number.NaN,
      0.3,
      0.3,
      0.3,
      0.3,
    ]);
    const stats = decodeStatusCells(countStatusCells(2, labels, scores).map(Number));
    assert.equal(stats.children, 2);
    assert.equal(stats.labels.stunting.positive[18], 1);
    assert.equal(stats.labels.stunting.negative[6], 1);
    assert.equal(stats.labels.wasting.negative[20], 1);
    assert.equal(stats.labels.microcephaly.positive[0], 1);
    assert.equal(
      stats.labels.underweight.negative.reduce((a, b) => a + b),
      1,
    );
  });

  it('changes by at most the declared L2 sensitivity when one child is removed (worst cases too)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const { labels, scores } = randomExamples(40, seed);
      const full = countStatusCells(40, labels, scores);
      for (const drop of [0, 17, 39]) {
        const keep = (a: Int8Array | Float32Array) => [
          ...a.slice(0, drop * 6),
          ...a.slice(drop * 6 + 6),
        ];
        const fewer = countStatusCells(
          39,
          Int8Array.from(keep(labels)),
          Float32Array.from(keep(scores)),
        );
        const squared = full.reduce((s, v, i) => s + (v - fewer[i]!) ** 2n, 0n);
        assert.ok(squared <= STATUS_L2_SENSITIVITY_SQUARED);
      }
    }
    const allDefined = new Int8Array(6).fill(1);
    const extreme = new Float32Array(6).fill(1);
    const one = countStatusCells(1, allDefined, extreme);
    assert.equal(
      one.reduce((s, v) => s + v * v, 0n),
      STATUS_L2_SENSITIVITY_SQUARED,
    );
  });

  it('pools sites by cell-wise addition', () => {
    const a = new Array<number>(STATUS_CELL_COUNT).fill(1);
    const b = new Array<number>(STATUS_CELL_COUNT).fill(-3);
    assert.deepEqual(sumCells([a, b]), new Array<number>(STATUS_CELL_COUNT).fill(-2));
  });
});
