import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { binaryMetrics } from '../../../../benchmark/metrics/binary-metrics.js';
import { membershipOfGrouping } from '../../../../benchmark/metrics/group-membership.js';
import { binaryReport, regressionReport } from '../../../../benchmark/metrics/metrics-report.js';
import { regressionMetrics } from '../../../../benchmark/metrics/regression-metrics.js';

const labels = Uint8Array.from([1, 0, 1, 0, 0, 1, 0]);
const scores = Float64Array.from([0.9, 0.2, 0.4, 0.6, 0.1, 0.7, 0.3]);
// Groups by first appearance: z, __proto__, a; "unused" has no row.
const grouping = {
  groupOf: Uint32Array.from([0, 1, 0, 2, 1, 2, 0]),
  names: ['z', '__proto__', 'a', 'unused'],
};

describe('metrics reports', () => {
  it('puts every row in group 0 and in 1 + its own group', () => {
    const membership = membershipOfGrouping(labels.length, grouping);
    assert.equal(membership.groupCount, 5);
    assert.equal(membership.groupsPerCell, 2);
    assert.deepEqual([...membership.cellGroups], [0, 1, 0, 2, 0, 3, 0, 4]);
    assert.deepEqual([...membership.cellOf], [...grouping.groupOf]);
    const alone = membershipOfGrouping(3);
    assert.deepEqual(
      [alone.groupCount, [...alone.cellOf], [...alone.cellGroups]],
      [1, [0, 0, 0], [0]],
    );
  });

  it('reports each non-empty group, by name, with the metrics of its own rows', () => {
    const report = binaryReport(labels, scores, grouping, 0.5);
    assert.deepEqual(Object.keys(report.groups), ['__proto__', 'a', 'z']);
    // A group named __proto__ is an ordinary own key, not the object's prototype.
    assert.equal(Object.getPrototypeOf(report.groups), Object.prototype);
    const z = binaryMetrics(Uint8Array.from([1, 1, 0]), Float64Array.from([0.9, 0.4, 0.3]));
    assert.deepEqual(report.groups.z, z);
    assert.deepEqual(report.all, binaryMetrics(labels, scores));
    const printed = JSON.parse(JSON.stringify(report)) as { groups: Record<string, { n: number }> };
    assert.equal(printed.groups['__proto__']?.n, 2);
    assert.ok(report.fairness !== undefined);
  });

  it('uses the threshold for the groups and the fairness gaps', () => {
    const report = binaryReport(labels, scores, grouping, 0.35);
    // Predicted positive at 0.35: z 2/3, __proto__ 0/2, a 2/2.
    assert.equal(report.fairness?.demographic_parity_difference, 1);
    assert.equal(report.groups.z?.recall, 1);
  });

  it('has no groups and no fairness without a grouping', () => {
    const report = binaryReport(labels, scores);
    assert.deepEqual(report.groups, {});
    assert.ok(!('fairness' in report));
    const regression = regressionReport(Float64Array.from([1, 2]), Float64Array.from([1, 4]));
    assert.deepEqual(regression, {
      all: regressionMetrics(Float64Array.from([1, 2]), Float64Array.from([1, 4])),
      groups: {},
    });
  });

  it('reports regression groups and their gaps', () => {
    const targets = Float64Array.from([1, 2, 3, 4, 5, 6, 7]);
    const predictions = Float64Array.from([1, 2, 3, 5, 5, 8, 7]);
    const report = regressionReport(targets, predictions, grouping);
    assert.equal(report.groups.a?.mae, 1.5);
    assert.equal(report.groups.z?.mae, 0);
    assert.deepEqual(report.fairness, { worst_group_mae: 1.5, mae_gap: 1.5, bias_gap: 1.5 });
  });

  it('refuses a grouping that does not match the rows', () => {
    const short = { groupOf: Uint32Array.from([0]), names: ['a'] };
    const outOfRange = { groupOf: Uint32Array.from([0, 0, 0, 0, 0, 0, 5]), names: ['a'] };
    for (const g of [short, outOfRange]) {
      assert.throws(
        () => binaryReport(labels, scores, g),
        (e: unknown) => hasCode(e, 'METRIC_INPUT_INVALID'),
      );
    }
  });
});
