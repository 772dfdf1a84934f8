import { strict as assert } from 'node:assert';
import { binnedBinaryMetrics } from '../../../benchmark/metrics/binned-binary.js';
import { requireTask } from '../../../benchmark/tasks/task-catalog.js';
import type { BinaryTask, RegressionTask } from '../../../benchmark/tasks/task-definition.js';
import { classSlot, releaseCellCount, targetSlots } from '../../../benchmark/tasks/task-release.js';
import type { RoundRecord } from '../../../coordinator/core/records.js';
import {
  calibrationBins,
  errorBins,
  rocCurve,
  roundCurves,
} from '../../../coordinator/core/round-curves.js';
import type { BinaryCurves, RegressionCurves } from '../../../coordinator/core/round-curves.js';

const STATUS = requireTask('growth.status/v1') as BinaryTask;
const ZSCORE = requireTask('growth.zscore/v1') as RegressionTask;

/** A deterministic stream of integers in [−3, 40): noisy counts, some negative. */
function noisyCounts(seed: number, length: number): number[] {
  let state = seed;
  return Array.from({ length }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return (state % 43) - 3;
  });
}

function round(benchmarkTask: string): RoundRecord {
  return {
    id: 'r-1',
    benchmarkTask,
    modelDigest: 'd',
    rho: '1/10',
    quorum: 1,
    deadlineAt: 0,
    state: 'complete',
    createdAt: 0,
    publishedAt: 1,
  };
}

/** A fake store holding one release per vector, as the nodes would have sent them. */
function storeOf(
  benchmarkTask: string,
  releases: readonly { cells: number[]; suppressed?: number[] }[],
) {
  const bodies = releases.map(({ cells, suppressed = [] }, i) => ({
    taskId: `t-${i}`,
    roundId: 'r-1',
    nodeId: `site-${i}`,
    signature: new Uint8Array(64),
    body: new TextEncoder().encode(
      JSON.stringify({
        type: 'release',
        version: 1,
        task_id: `t-${i}`,
        round_id: 'r-1',
        node_id: `site-${i}`,
        model_digest: 'd',
        benchmark_task: benchmarkTask,
        scorer_version: 'test',
        dataset: 'growth',
        dataset_lineage: 'l',
        privacy: {
          mechanism: 'discrete_gaussian',
          sigma2: '1',
          l2_sensitivity_squared: '1',
          rho: '1/2',
        },
        statistics: { layout: benchmarkTask, cells, suppressed },
        created_at_ms: 0,
      }),
    ),
  }));
  return { releasesOfRound: () => bodies };
}

/** A growth.status vector with `negative`/`positive` as label `label`'s histograms of all examples. */
function statusCells(label: number, negative: number[], positive: number[]): number[] {
  const cells = new Array<number>(releaseCellCount(STATUS)).fill(0);
  const place = (values: number[], slot: { start: number }) =>
    values.forEach((v, i) => (cells[slot.start + i] = v));
  place(negative, classSlot(STATUS, 0, label, false));
  place(positive, classSlot(STATUS, 0, label, true));
  return cells;
}

describe('round curves', () => {
  it('puts one ROC point at every bin edge of a hand-made histogram', () => {
    const curve = rocCurve([3, 1, 0, 0], [0, 1, 1, 2]);
    assert.ok(curve !== null);
    assert.deepEqual(
      curve.points.map((p) => [p.threshold, p.fpr, p.tpr]),
      [
        [1, 0, 0],
        [0.75, 0, 0.5],
        [0.5, 0, 0.75],
        [0.25, 0.25, 1],
        [0, 1, 1],
      ],
    );
    assert.equal(curve.positives, 4);
    assert.equal(curve.negatives, 4);
    // 0.25 × (0.75 + 1) / 2 + 0.75 × 2 / 2.
    assert.equal(curve.auc, 0.96875);
  });

  it('has the area of the binned AUROC, noisy counts read as released', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const negative = noisyCounts(seed, 21);
      const positive = noisyCounts(seed + 100, 21);
      assert.ok(
        [...negative, ...positive].some((v) => v < 0),
        'the case has negative counts',
      );
      const curve = rocCurve(negative.slice(0, 20), positive.slice(0, 20));
      const metrics = binnedBinaryMetrics(negative, positive, 10);
      assert.ok(curve !== null && metrics.auroc !== null);
      assert.ok(Math.abs(curve.auc - metrics.auroc) < 1e-12, `seed ${seed}`);
      assert.equal(curve.positives, metrics.positives);
      assert.equal(curve.negatives, metrics.negatives);
      const fprs = curve.points.map((p) => p.fpr);
      assert.deepEqual(
        fprs,
        [...fprs].sort((a, b) => a - b),
        'false positive rate never falls',
      );
    }
  });

  it('draws no ROC curve when a class is empty or mostly noise, as the AUROC has none', () => {
    assert.equal(rocCurve([2, 3, 1], [0, -1, 0]), null);
    assert.equal(rocCurve([0, 0], [1, 1]), null);
    // Positives 6 against noise of SD √(3·4) ≈ 3.5 per class total: mostly noise.
    assert.equal(rocCurve([50, 40, 30], [1, 2, 3], 4), null);
    assert.equal(binnedBinaryMetrics([50, 40, 30, 0], [1, 2, 3, 0], 1, 4).auroc, null);
    assert.notEqual(rocCurve([50, 40, 30], [1, 2, 3]), null);
  });

  it('plots calibration over score bins that do not divide into the ECE bins', () => {
    const bins = calibrationBins([4, 0, -2, 1], [0, 0, 3, 3]);
    assert.deepEqual(
      bins.map((b) => [b.lower, b.upper, b.predicted, b.observed, b.count]),
      [
        [0, 0.25, 0.125, 0, 4],
        [0.25, 0.5, 0.375, null, 0],
        [0.5, 0.75, 0.625, 1, 3],
        [0.75, 1, 0.875, 0.75, 4],
      ],
    );
  });

  it('plots calibration over the ECE bins, whose weighted gaps are the binned ECE', () => {
    // 20 score bins → 10 ECE bins of two; bin 0: 2 negatives at 0.025, 2 at 0.075.
    const negative = [2, 2, ...new Array<number>(18).fill(0), 0];
    const positive = [0, 0, ...new Array<number>(16).fill(0), -1, 3, 0];
    const bins = calibrationBins(negative.slice(0, 20), positive.slice(0, 20));
    assert.equal(bins.length, 10);
    assert.deepEqual(bins[0], { lower: 0, upper: 0.1, predicted: 0.05, observed: 0, count: 4 });
    assert.deepEqual(bins[9], { lower: 0.9, upper: 1, predicted: 0.975, observed: 1, count: 3 });
    assert.equal(bins[5]?.observed, null);
    for (const seed of [11, 12, 13]) {
      const [neg, pos] = [noisyCounts(seed, 21), noisyCounts(seed + 50, 21)];
      const plotted = calibrationBins(neg.slice(0, 20), pos.slice(0, 20));
      const total = plotted.reduce((s, b) => s + b.count, 0);
      const gaps = plotted.reduce(
        (s, b) => s + (b.observed === null ? 0 : b.count * Math.abs(b.observed - b.predicted)),
        0,
      );
      const ece = binnedBinaryMetrics(neg, pos, 10).ece;
      assert.ok(ece !== null && Math.abs(gaps / total - ece) < 1e-12, `seed ${seed}`);
    }
  });

  it('bins errors over [−maxError, maxError]', () => {
    assert.deepEqual(errorBins([1, -4, 2, 5], 2), [
      { lower: -2, upper: -1, count: 1 },
      { lower: -1, upper: 0, count: 0 },
      { lower: 0, upper: 1, count: 2 },
      { lower: 1, upper: 2, count: 5 },
    ]);
  });

  it('pools the sites of a round by summing their noisy cells', () => {
    const bins = STATUS.scoreBins;
    const [negA, posA, negB, posB] = [1, 2, 3, 4].map((s) => noisyCounts(s, bins + 1));
    const a = statusCells(0, negA as number[], posA as number[]);
    const b = statusCells(0, negB as number[], posB as number[]);
    const curves = roundCurves(
      storeOf('growth.status/v1', [{ cells: a }, { cells: b }]),
      round('growth.status/v1'),
    );
    assert.equal(curves.kind, 'binary');
    assert.equal(curves.sites, 2);
    const first = STATUS.labels[0]?.name as string;
    const output = curves.outputs[first] as BinaryCurves;
    const sum = (x: number[], y: number[]) => x.map((v, i) => v + (y[i] as number));
    const negative = sum(negA as number[], negB as number[]);
    const positive = sum(posA as number[], posB as number[]);
    assert.deepEqual(output.roc, rocCurve(negative.slice(0, bins), positive.slice(0, bins)));
    assert.equal(output.roc?.points.length, bins + 1);
    assert.equal(output.calibration.length, 10);
    assert.equal(
      output.invalid,
      Math.max(0, negative[bins] as number) + Math.max(0, positive[bins] as number),
    );
    // Another label of the same vectors is empty: no curve, but calibration bins of count 0.
    const second = curves.outputs[STATUS.labels[1]?.name as string] as BinaryCurves;
    assert.equal(second.roc, null);
    assert.ok(second.calibration.every((c) => c.count === 0 && c.observed === null));
  });

  it('leaves out an output every site suppressed, and keeps one only some suppressed', () => {
    const cells = statusCells(0, [5, 1], [1, 5]);
    const curves = roundCurves(
      storeOf('growth.status/v1', [
        { cells, suppressed: [0, 1] },
        { cells, suppressed: [1] },
      ]),
      round('growth.status/v1'),
    );
    const [first, second] = STATUS.labels.map((l) => l.name);
    assert.notEqual(curves.outputs[first as string], null);
    assert.equal(curves.outputs[second as string], null);
  });

  it('has no curves before any release', () => {
    const curves = roundCurves(storeOf('growth.status/v1', []), round('growth.status/v1'));
    assert.equal(curves.sites, 0);
    assert.ok(Object.values(curves.outputs).every((o) => o === null));
    assert.equal(Object.keys(curves.outputs).length, STATUS.labels.length);
  });

  it('gives regression tasks the pooled error histogram of each target', () => {
    const cells = new Array<number>(releaseCellCount(ZSCORE)).fill(0);
    const slot = targetSlots(ZSCORE, 0, 1).error;
    cells[slot.start] = 7;
    cells[slot.start + ZSCORE.errorBins - 1] = -3;
    cells[slot.start + ZSCORE.errorBins] = 2;
    const curves = roundCurves(
      storeOf('growth.zscore/v1', [{ cells }, { cells }]),
      round('growth.zscore/v1'),
    );
    const target = ZSCORE.targets[1];
    const output = curves.outputs[target?.name as string] as RegressionCurves;
    assert.equal(output.kind, 'regression');
    assert.equal(output.unit, target?.unit);
    assert.equal(output.bins.length, ZSCORE.errorBins);
    assert.equal(output.bins[0]?.lower, -(target?.maxError as number));
    assert.equal(output.bins[0]?.count, 14);
    assert.equal(output.bins.at(-1)?.upper, target?.maxError);
    assert.equal(output.bins.at(-1)?.count, 0);
    assert.equal(output.invalid, 4);
    const other = curves.outputs[ZSCORE.targets[0]?.name as string] as RegressionCurves;
    assert.ok(other.bins.every((b) => b.count === 0));
  });
});
