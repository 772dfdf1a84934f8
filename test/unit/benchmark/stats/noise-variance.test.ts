import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { pooledNoiseVariance } from '../../../../benchmark/stats/noise-variance.js';

describe('stats/noise-variance', () => {
  it('sums the σ² of the sites in a pool and refuses invalid ones with a code', () => {
    assert.equal(pooledNoiseVariance([35, 35, 17.5]), 87.5);
    assert.equal(pooledNoiseVariance([]), 0);
    for (const bad of [-1, Number.NaN, Infinity]) {
      assert.throws(
        () => pooledNoiseVariance([1, bad]),
        (e) => hasCode(e, 'STATS_INPUT_INVALID'),
      );
    }
  });
});
