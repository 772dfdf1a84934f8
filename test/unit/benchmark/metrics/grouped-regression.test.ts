import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { groupedRegression } from '../../../../benchmark/metrics/grouped-regression.js';
import { regressionMetrics } from '../../../../benchmark/metrics/regression-metrics.js';
import { GROUP_COUNT, membershipOf, pick, regressionCase, rowsOf } from './grouped-fixtures.js';

describe('groupedRegression', () => {
  for (const [seed, n] of [
    ['empty', 0],
    ['one', 1],
    ['small', 50],
    ['large', 50000],
  ] as const) {
    it(`${seed}: each group equals regressionMetrics of its own rows, bit for bit`, () => {
      const c = regressionCase(seed, n);
      const metrics = groupedRegression(c.targets, c.predictions, membershipOf(c.cellOf));
      assert.equal(metrics.length, GROUP_COUNT);
      metrics.forEach((m, group) => {
        const rows = rowsOf(c.cellOf, group);
        const expected = regressionMetrics(pick(c.targets, rows), pick(c.predictions, rows));
        assert.deepEqual(m, expected, `group ${group}`);
      });
      assert.equal(metrics[4]?.n, 0);
    });
  }

  it('refuses values that are not finite', () => {
    const c = regressionCase('small', 50);
    c.predictions[3] = Infinity;
    assert.throws(
      () => groupedRegression(c.targets, c.predictions, membershipOf(c.cellOf)),
      (e: unknown) => hasCode(e, 'METRIC_INPUT_INVALID'),
    );
  });
});
