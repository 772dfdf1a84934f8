import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { toUsableCounts } from '../../../../benchmark/stats/usable-counts.js';

describe('stats/usable-counts', () => {
  it('clamps each noisy cell at 0 and keeps the others', () => {
    assert.deepEqual(toUsableCounts([3, -2, 0, 7, -0.5]), [3, 0, 0, 7, 0]);
    assert.deepEqual(toUsableCounts([]), []);
  });

  it('refuses a non-finite cell with a code', () => {
    for (const bad of [Number.NaN, Infinity, -Infinity]) {
      assert.throws(
        () => toUsableCounts([1, bad]),
        (e) => hasCode(e, 'STATS_INPUT_INVALID'),
      );
    }
  });
});
