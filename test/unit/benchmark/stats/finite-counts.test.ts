import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { assertFiniteCounts } from '../../../../benchmark/stats/finite-counts.js';

describe('stats/finite-counts', () => {
  it('accepts noisy cells, negative ones too', () => {
    assert.doesNotThrow(() => assertFiniteCounts([3, -2, 0, 7, -0.5]));
    assert.doesNotThrow(() => assertFiniteCounts([]));
  });

  it('refuses a non-finite cell with a code', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      assert.throws(
        () => assertFiniteCounts([1, bad]),
        (e) => hasCode(e, 'STATS_INPUT_INVALID'),
      );
    }
  });
});
