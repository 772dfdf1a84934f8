import { strict as assert } from 'node:assert';
import { binaryMetrics } from '../../../../benchmark/metrics/binary-metrics.js';
import { regressionMetrics } from '../../../../benchmark/metrics/regression-metrics.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import { GROWTH_ZSCORE } from '../../../../benchmark/tasks/growth-zscore.js';
import { subgroupCellCount } from '../../../../benchmark/tasks/subgroups.js';
import type { TaskDefinition, TaskExamples } from '../../../../benchmark/tasks/task-definition.js';
import { taskMetrics } from '../../../../benchmark/tasks/task-metrics.js';
import type { BinnedBinaryMetrics } from '../../../../benchmark/metrics/binned-binary.js';
import type { BinnedRegressionMetrics } from '../../../../benchmark/metrics/binned-regression.js';
import {
  countReleaseCells,
  errorBinOf,
  releaseCellCount,
  releaseSensitivitySquared,
  scoreBinOf,
} from '../../../../benchmark/tasks/task-release.js';

/** `rows` random examples of `task` and predictions, some targets undefined and outputs invalid. */
function randomCase(task: TaskDefinition, rows: number, seed: number) {
  const prng = createPrng(`task-release-${String(seed)}`);
  const next = (): number => prng.uniform();
  const outputs = task.kind === 'binary' ? task.labels.length : task.targets.length;
  const examples: TaskExamples = {
    rows,
    features: new Float32Array(rows * 6),
    targets: Float64Array.from({ length: rows * outputs }, () => {
      if (next() < 0.1) return Number.NaN;
      return task.kind === 'binary' ? (next() < 0.3 ? 1 : 0) : next() * 4 - 2;
    }),
    subgroups: Uint8Array.from({ length: rows }, () =>
      Math.floor(next() * subgroupCellCount(task.subgroups)),
    ),
  };
  const predictions = Float32Array.from(examples.targets, (truth) => {
    if (next() < 0.02) return Number.NaN;
    if (task.kind === 'binary') return Math.min(1, Math.max(0, 0.5 * next() + 0.4 * (truth || 0)));
    return (Number.isNaN(truth) ? 0 : truth) + (next() - 0.5) * 0.8;
  });
  return { examples, predictions, outputs };
}

const toNumbers = (cells: bigint[]): number[] => cells.map(Number);

describe('benchmark/tasks task release', () => {
  it('lays out [examples, group × output histograms] with the stated sensitivity', () => {
    // Groups: all, 2 sexes, 4 age bands, 3 gestation levels; each example is in 4 of them.
    assert.equal(releaseCellCount(GROWTH_STATUS), 1 + 10 * 6 * 2 * 21);
    assert.equal(releaseSensitivitySquared(GROWTH_STATUS), 1n + 4n * 6n);
    assert.equal(releaseCellCount(GROWTH_ZSCORE), 1 + 10 * 4 * 81);
    assert.equal(releaseSensitivitySquared(GROWTH_ZSCORE), 1n + 4n * 4n);
  });

  it('bins scores and errors at their edges, invalid outputs apart', () => {
    assert.deepEqual(
      [0, 0.049, 0.05, 0.5, 0.999, 1].map((s) => scoreBinOf(s, 20)),
      [0, 0, 1, 10, 19, 19],
    );
    assert.deepEqual(
      [Number.NaN, -0.01, 1.01, Infinity].map((s) => scoreBinOf(s, 20)),
      [20, 20, 20, 20],
    );
    assert.deepEqual(
      [-9, -2, -0.025, 0, 0.049, 2, 9].map((e) => errorBinOf(e, 2, 80)),
      [0, 0, 39, 40, 40, 79, 79],
    );
    assert.equal(errorBinOf(Number.NaN, 2, 80), 80);
  });

  for (const task of [GROWTH_STATUS, GROWTH_ZSCORE]) {
    it(`${task.id}: one child moves the vector by at most its sensitivity, and some child by exactly that`, () => {
      const { examples, predictions, outputs } = randomCase(task, 300, 7);
      const full = countReleaseCells(task, examples, predictions);
      let worst = 0n;
      for (let drop = 0; drop < examples.rows; drop += 1) {
        const keep = (_: unknown, i: number): boolean => Math.floor(i / outputs) !== drop;
        const fewer: TaskExamples = {
          rows: examples.rows - 1,
          features: new Float32Array(0),
          targets: examples.targets.filter(keep),
          subgroups: examples.subgroups.filter((_, row) => row !== drop),
        };
        const without = countReleaseCells(task, fewer, predictions.filter(keep));
        const moved = full.reduce((sum, cell, i) => sum + (cell - (without[i] ?? 0n)) ** 2n, 0n);
        if (moved > worst) worst = moved;
      }
      assert.equal(worst, releaseSensitivitySquared(task));
    });
  }

  it('growth.status: binned metrics agree with the exact ones within their bounds', () => {
    const { examples, predictions } = randomCase(GROWTH_STATUS, 4000, 11);
    const metrics = taskMetrics(
      GROWTH_STATUS,
      toNumbers(countReleaseCells(GROWTH_STATUS, examples, predictions)),
    );
    assert.equal(metrics.examples, 4000);
    GROWTH_STATUS.labels.forEach(({ name }, label) => {
      const rows = [...Array(examples.rows).keys()].filter((row) => {
        const y = examples.targets[row * 6 + label] as number;
        const score = predictions[row * 6 + label] as number;
        return !Number.isNaN(y) && score >= 0 && score <= 1;
      });
      const exact = binaryMetrics(
        Uint8Array.from(rows, (row) => examples.targets[row * 6 + label] as number),
        Float64Array.from(rows, (row) => predictions[row * 6 + label] as number),
      );
      const binned = metrics.outputs[name] as BinnedBinaryMetrics;
      assert.equal(binned.positives + binned.negatives, exact.n);
      assert.ok(
        Math.abs((binned.sensitivity ?? NaN) - (exact.recall ?? NaN)) < 1e-12,
        'threshold 0.5 is a bin edge',
      );
      assert.ok(Math.abs((binned.specificity ?? NaN) - (exact.specificity ?? NaN)) < 1e-12);
      const bounds = binned.bounds.auroc;
      assert.ok(bounds !== null && exact.auroc !== null);
      assert.ok(exact.auroc >= bounds.lower - 1e-12 && exact.auroc <= bounds.upper + 1e-12);
    });
  });

  it('growth.zscore: binned MAE, RMSE and bias within half a bin of the exact ones', () => {
    const { examples, predictions } = randomCase(GROWTH_ZSCORE, 4000, 13);
    const metrics = taskMetrics(
      GROWTH_ZSCORE,
      toNumbers(countReleaseCells(GROWTH_ZSCORE, examples, predictions)),
    );
    GROWTH_ZSCORE.targets.forEach(({ name }, target) => {
      const rows = [...Array(examples.rows).keys()].filter(
        (row) =>
          !Number.isNaN(examples.targets[row * 4 + target] as number) &&
          Number.isFinite(predictions[row * 4 + target] as number),
      );
      const exact = regressionMetrics(
        Float64Array.from(rows, (row) => examples.targets[row * 4 + target] as number),
        Float64Array.from(rows, (row) => predictions[row * 4 + target] as number),
      );
      const binned = metrics.outputs[name] as BinnedRegressionMetrics;
      assert.equal(binned.n, rows.length);
      assert.equal(binned.clipped, 0, 'errors stay within ±0.4');
      for (const key of ['mae', 'rmse', 'bias'] as const) {
        const gap = Math.abs((binned[key] ?? NaN) - (exact[key] ?? NaN));
        assert.ok(gap <= binned.maxBinningError + 1e-12, `${name} ${key} off by ${gap}`);
      }
    });
  });

  it('each dimension’s levels partition the examples, and gaps are reported per dimension', () => {
    const { examples, predictions } = randomCase(GROWTH_STATUS, 2000, 17);
    const metrics = taskMetrics(
      GROWTH_STATUS,
      toNumbers(countReleaseCells(GROWTH_STATUS, examples, predictions)),
    );
    const pooled = metrics.outputs.stunting as BinnedBinaryMetrics;
    for (const [dimension, levels] of Object.entries(metrics.subgroups)) {
      const total = Object.values(levels).reduce((n, outputs) => {
        const m = outputs.stunting as BinnedBinaryMetrics;
        return n + m.positives + m.negatives + m.invalid;
      }, 0);
      assert.equal(total, pooled.positives + pooled.negatives + pooled.invalid, dimension);
      assert.ok(metrics.fairness[dimension]?.stunting?.auroc_gap !== undefined);
    }
  });

  it('refuses a vector of the wrong length', () => {
    assert.throws(() => taskMetrics(GROWTH_STATUS, [1, 2, 3]), RangeError);
  });
});
