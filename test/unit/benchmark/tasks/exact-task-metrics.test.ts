import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { binaryMetrics } from '../../../../benchmark/metrics/binary-metrics.js';
import {
  binaryFairnessGaps,
  regressionFairnessGaps,
} from '../../../../benchmark/metrics/fairness-gaps.js';
import { regressionMetrics } from '../../../../benchmark/metrics/regression-metrics.js';
import { countConfusion } from '../../../../benchmark/metrics/threshold-metrics.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';
import { exactTaskMetrics } from '../../../../benchmark/tasks/exact-task-metrics.js';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import { GROWTH_ZSCORE } from '../../../../benchmark/tasks/growth-zscore.js';
import { standardSubgroup, subgroupLevels } from '../../../../benchmark/tasks/subgroups.js';
import type { TaskDefinition, TaskExamples } from '../../../../benchmark/tasks/task-definition.js';
import { outputColumns } from '../../../../benchmark/tasks/task-definition.js';

const male = standardSubgroup({ sex: 1, ageDays: 100, gestationalAgeDays: 280 });
const female = standardSubgroup({ sex: 2, ageDays: 100, gestationalAgeDays: 280 });

function examplesOf(targets: number[], subgroups: number[]): TaskExamples {
  return {
    rows: subgroups.length,
    features: new Float32Array(0),
    targets: Float64Array.from(targets),
    subgroups: Uint8Array.from(subgroups),
  };
}

/**
 * Random examples of `task`: ~10% positives (binary) or normal targets, NaN
 * targets, invalid predictions, tied scores. Cells avoid age band 10y+
 * (an empty level) and girls are never positive in output 0 (one class).
 */
function randomExamples(task: TaskDefinition, seed: string, rows: number) {
  const rng = createPrng(seed);
  const width = outputColumns(task).length;
  const subgroups = Uint8Array.from({ length: rows }, () => {
    const cell = rng.int(24);
    return Math.floor(cell / 3) % 4 === 3 ? cell - 3 : cell;
  });
  const targets = new Float64Array(rows * width);
  const predictions = new Float32Array(rows * width);
  targets.forEach((_, i) => {
    const girl = (subgroups[Math.floor(i / width)] as number) >= 12;
    const binaryTarget = girl && i % width === 0 ? 0 : rng.chance(0.1) ? 1 : 0;
    const target = rng.chance(0.05) ? NaN : task.kind === 'binary' ? binaryTarget : rng.normal();
    targets[i] = target;
    const guess = task.kind === 'binary' ? rng.int(21) / 20 : target + rng.int(9) / 4 - 1;
    predictions[i] = rng.chance(0.01) ? (rng.chance(0.5) ? NaN : 1.5) : guess;
  });
  return { examples: { rows, features: new Float32Array(0), targets, subgroups }, predictions };
}

/** The level rows of one dimension, by name, non-empty ones only. */
function levelRows(
  task: TaskDefinition,
  examples: TaskExamples,
  rows: number[],
  dimension: string,
) {
  const levels = task.subgroups.dimensions.find((d) => d.name === dimension)?.levels ?? [];
  const levelOf = (row: number) =>
    subgroupLevels(task.subgroups, examples.subgroups[row] as number)[dimension];
  return [...levels]
    .sort()
    .map((level) => [level, rows.filter((row) => levelOf(row) === level)] as const)
    .filter(([, inLevel]) => inLevel.length > 0);
}

/** exactTaskMetrics spelled out: each level's rows picked and given to the single-set functions. */
function referenceReport(task: TaskDefinition, examples: TaskExamples, predictions: Float32Array) {
  const width = outputColumns(task).length;
  const report: Record<string, unknown> = {};
  outputColumns(task).forEach(({ name }, output) => {
    const at = (row: number) => row * width + output;
    const truth = (rows: number[]) => Float64Array.from(rows, (r) => examples.targets[at(r)] ?? 0);
    const predicted = (rows: number[]) => Float64Array.from(rows, (r) => predictions[at(r)] ?? 0);
    const defined = [...Array(examples.rows).keys()].filter(
      (row) => !Number.isNaN(examples.targets[at(row)]),
    );
    const valid = (p: number) => (task.kind === 'binary' ? p >= 0 && p <= 1 : Number.isFinite(p));
    const rows = defined.filter((row) => valid(predictions[at(row)] as number));
    const binary = (picked: number[]) => {
      const [labels, scores] = [Uint8Array.from(truth(picked)), predicted(picked)];
      return {
        metrics: binaryMetrics(labels, scores),
        counts: countConfusion(labels, scores, 0.5),
      };
    };
    const regression = (picked: number[]) => regressionMetrics(truth(picked), predicted(picked));
    const subgroups: Record<string, unknown> = {};
    const fairness: Record<string, unknown> = {};
    for (const { name: dimension } of task.subgroups.dimensions) {
      const byLevel = levelRows(task, examples, rows, dimension);
      if (task.kind === 'binary') {
        const outcomes = byLevel.map(([level, inLevel]) => [level, binary(inLevel)] as const);
        subgroups[dimension] = Object.fromEntries(outcomes.map(([l, o]) => [l, o.metrics]));
        fairness[dimension] = binaryFairnessGaps(outcomes.map(([, o]) => o));
      } else {
        const metrics = byLevel.map(([level, inLevel]) => [level, regression(inLevel)] as const);
        subgroups[dimension] = Object.fromEntries(metrics);
        fairness[dimension] = regressionFairnessGaps(metrics.map(([, m]) => m));
      }
    }
    const all = task.kind === 'binary' ? binary(rows).metrics : regression(rows);
    report[name] = { invalid: defined.length - rows.length, all, subgroups, fairness };
  });
  return report;
}

describe('benchmark/tasks/exactTaskMetrics', () => {
  for (const task of [GROWTH_STATUS, GROWTH_ZSCORE]) {
    it(`${task.id}: equals the per-level computation on random examples, bit for bit`, () => {
      const { examples, predictions } = randomExamples(task, task.id, 3000);
      const report = exactTaskMetrics(task, examples, predictions);
      assert.deepEqual(report, referenceReport(task, examples, predictions));
      const first = report[outputColumns(task)[0]?.name ?? ''];
      assert.ok(first !== undefined && first.invalid > 0);
      assert.deepEqual(Object.keys(first.subgroups.age_band ?? {}), ['0-2y', '2-5y', '5-10y']);
      if (task.kind === 'binary') {
        assert.equal((first.subgroups.sex?.female as { auroc: number | null }).auroc, null);
      }
    });
  }

  it('refuses a subgroup cell outside the partition', () => {
    const { examples, predictions } = randomExamples(GROWTH_STATUS, 'cells', 10);
    examples.subgroups[3] = 24;
    assert.throws(
      () => exactTaskMetrics(GROWTH_STATUS, examples, predictions),
      (e: unknown) => hasCode(e, 'METRIC_INPUT_INVALID'),
    );
  });

  it('binary: leaves out undefined labels and counts invalid predictions apart', () => {
    // One label column used (stunting); the other five undefined.
    const rows: [number, number, number][] = [
      [1, 0.9, male],
      [0, 0.2, male],
      [1, 0.4, female],
      [0, 0.7, female],
      [NaN, 0.5, female],
      [1, NaN, male],
      [0, 1.5, female],
    ];
    const pad = (value: number) => [value, NaN, NaN, NaN, NaN, NaN];
    const examples = examplesOf(
      rows.flatMap(([y]) => pad(y)),
      rows.map(([, , g]) => g),
    );
    const predictions = Float32Array.from(rows.flatMap(([, p]) => pad(p)));
    const report = exactTaskMetrics(GROWTH_STATUS, examples, predictions).stunting;
    assert.ok(report !== undefined);
    assert.equal(report.invalid, 2);
    const valid = rows.slice(0, 4);
    assert.deepEqual(
      report.all,
      binaryMetrics(
        Uint8Array.from(valid, ([y]) => y),
        Float64Array.from(valid, ([, p]) => Math.fround(p)),
      ),
    );
    assert.deepEqual(Object.keys(report.subgroups.sex ?? {}), ['female', 'male']);
    // Male ranks its positive first (AUROC 1), female last (AUROC 0).
    assert.equal((report.fairness.sex as { auroc_gap: number | null }).auroc_gap, 1);
  });

  it('regression: per target, with per-level metrics', () => {
    const targets = [0.5, -1, 2, 0.1, NaN, 0, 0, 0, 1, 1, 1, 1];
    const predictions = Float32Array.from([0.7, -1.5, 2, 0.1, 9, Infinity, 0, 0, 1, 1, 1, 1]);
    const report = exactTaskMetrics(
      GROWTH_ZSCORE,
      examplesOf(targets, [male, female, male]),
      predictions,
    );
    // Rows of [waz, haz, baz, hcz]; row 1 has no WAZ and an infinite HAZ prediction.
    assert.equal(report.waz?.invalid, 0);
    assert.equal(report.haz?.invalid, 1);
    assert.deepEqual(
      report.waz?.all,
      regressionMetrics(Float64Array.from([0.5, 1]), Float64Array.from([0.7, 1].map(Math.fround))),
    );
    assert.equal((report.haz?.subgroups.sex?.male as { n: number }).n, 2);
    assert.equal(report.haz?.subgroups.sex?.female, undefined, 'its only row was invalid');
  });
});
