import { strict as assert } from 'node:assert';
import { concatExamples } from '../../../../benchmark/baselines/concat-examples.js';

describe('concatExamples', () => {
  it('stacks the rows of every part in order', () => {
    const a = {
      rows: 1,
      features: Float32Array.from([1, 2]),
      targets: Float64Array.from([0]),
      subgroups: Uint8Array.from([3]),
    };
    const b = {
      rows: 2,
      features: Float32Array.from([3, 4, 5, 6]),
      targets: Float64Array.from([1, NaN]),
      subgroups: Uint8Array.from([4, 5]),
    };
    const joined = concatExamples([a, b]);
    assert.equal(joined.rows, 3);
    assert.deepEqual([...joined.features], [1, 2, 3, 4, 5, 6]);
    assert.deepEqual([...joined.targets], [0, 1, NaN]);
    assert.deepEqual([...joined.subgroups], [3, 4, 5]);
  });
});
