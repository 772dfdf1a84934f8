import { strict as assert } from 'node:assert';
import type { Grouping } from '../../../../benchmark/metrics/group-rows.js';
import { binaryReport, regressionReport } from '../../../../benchmark/metrics/metrics-report.js';
import type { MetricVectorCase } from './metric-vector-fixtures.js';
import { assertMetricsEqual, loadMetricVectorCases } from './metric-vector-fixtures.js';

const CASES = loadMetricVectorCases();

function groupingOf(names: readonly string[]): Grouping {
  const distinct = [...new Set(names)];
  return { groupOf: Uint32Array.from(names, (n) => distinct.indexOf(n)), names: distinct };
}

/** max − min, or null for fewer than two values. */
function spread(values: number[]): number | null {
  return values.length < 2 ? null : Math.max(...values) - Math.min(...values);
}

function definedValues(c: MetricVectorCase, key: string, where = (_: string) => true): number[] {
  return Object.entries(c.groups)
    .filter(([name]) => where(name))
    .map(([, m]) => m[key])
    .filter((v): v is number => v !== null && v !== undefined);
}

describe('exact metrics against scikit-learn 1.2.1 (test/fixtures/metric-vectors)', () => {
  it('covers the binary and regression cases of the fixture, with their groups', () => {
    assert.equal(CASES.filter((c) => c.kind === 'binary').length, 8);
    assert.equal(CASES.filter((c) => c.kind === 'regression').length, 4);
    for (const c of CASES) assert.deepEqual(Object.keys(c.groups).sort(), ['a', 'b', 'c']);
  });

  for (const c of CASES) {
    it(`${c.name}: every key over all rows and in every group, to 1e-9`, () => {
      const grouping = groupingOf(c.group);
      const report =
        c.kind === 'binary'
          ? binaryReport(Uint8Array.from(c.truth), c.output, grouping)
          : regressionReport(c.truth, c.output, grouping);
      assertMetricsEqual(report.all, c.all, `${c.name}.all`);
      assert.deepEqual(Object.keys(report.groups), Object.keys(c.groups));
      for (const [name, expected] of Object.entries(c.groups)) {
        assertMetricsEqual(report.groups[name] as object, expected, `${c.name}.${name}`);
      }
    });

    it(`${c.name}: the same from float32 inputs`, () => {
      const report =
        c.kind === 'binary'
          ? binaryReport(Uint8Array.from(c.truth), Float32Array.from(c.output))
          : regressionReport(Float32Array.from(c.truth), Float32Array.from(c.output));
      assertMetricsEqual(report.all, c.all, `${c.name}.all (float32)`);
    });
  }

  it('derives the binary fairness gaps from the reference per-group values', () => {
    for (const c of CASES.filter((k) => k.kind === 'binary')) {
      const fairness = binaryReport(Uint8Array.from(c.truth), c.output, groupingOf(c.group))
        .fairness as object;
      const withPositives = (name: string) => (c.groups[name]?.positives ?? 0) > 0;
      const recalls = definedValues(c, 'recall', withPositives);
      const aurocs = definedValues(c, 'auroc');
      const predictedRates = Object.keys(c.groups).map((name) => {
        const rows = c.group.flatMap((g, i) => (g === name ? [i] : []));
        return rows.filter((i) => (c.output[i] as number) >= 0.5).length / rows.length;
      });
      const expected = {
        demographic_parity_difference: spread(predictedRates),
        equal_opportunity_difference: spread(recalls),
        auroc_gap: spread(aurocs),
        worst_group_auroc: aurocs.length === 0 ? null : Math.min(...aurocs),
        worst_group_recall: recalls.length === 0 ? null : Math.min(...recalls),
      };
      assertMetricsEqual(fairness, expected, `${c.name}.fairness`);
    }
  });

  it('derives the regression fairness gaps from the reference per-group values', () => {
    for (const c of CASES.filter((k) => k.kind === 'regression')) {
      const fairness = regressionReport(c.truth, c.output, groupingOf(c.group)).fairness;
      const maes = definedValues(c, 'mae');
      const expected = {
        worst_group_mae: Math.max(...maes),
        mae_gap: spread(maes),
        bias_gap: spread(definedValues(c, 'bias')),
      };
      assertMetricsEqual(fairness as object, expected, `${c.name}.fairness`);
    }
  });
});
