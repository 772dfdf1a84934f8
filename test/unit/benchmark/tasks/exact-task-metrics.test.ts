import { strict as assert } from 'node:assert';
import { binaryMetrics } from '../../../../benchmark/metrics/binary-metrics.js';
import { regressionMetrics } from '../../../../benchmark/metrics/regression-metrics.js';
import { exactTaskMetrics } from '../../../../benchmark/tasks/exact-task-metrics.js';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import { GROWTH_ZSCORE } from '../../../../benchmark/tasks/growth-zscore.js';
import { standardSubgroup } from '../../../../benchmark/tasks/subgroups.js';
import type { TaskExamples } from '../../../../benchmark/tasks/task-definition.js';

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

describe('benchmark/tasks/exactTaskMetrics', () => {
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
