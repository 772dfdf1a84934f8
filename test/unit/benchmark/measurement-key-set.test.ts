import { strict as assert } from 'node:assert';
import { MeasurementKeySet } from '../../../benchmark/measurement-key-set.js';

describe('benchmark/MeasurementKeySet', () => {
  it('tells a new key from a repeated one, comparing every part', () => {
    const keys = new MeasurementKeySet();
    assert.equal(keys.add(1, 100, 0, 3.4), true);
    assert.equal(keys.add(1, 100, 0, 3.4), false);
    assert.equal(keys.add(2, 100, 0, 3.4), true);
    assert.equal(keys.add(1, 101, 0, 3.4), true);
    assert.equal(keys.add(1, 100, 2, 3.4), true);
    assert.equal(keys.add(1, 100, 0, 3.5), true);
    assert.equal(keys.add(1, -5, 0, 3.4), true);
    assert.equal(keys.count, 6);
  });

  it('compares values exactly', () => {
    const keys = new MeasurementKeySet();
    assert.equal(keys.add(0, 0, 0, 0.1 + 0.2), true);
    assert.equal(keys.add(0, 0, 0, 0.3), true);
    assert.equal(keys.add(0, 0, 0, 0.30000000000000004), false);
  });

  it('keeps every key while growing past its initial size', () => {
    const keys = new MeasurementKeySet();
    const n = 50_000;
    for (let i = 0; i < n; i += 1) assert.equal(keys.add(i % 97, i, i % 5, i / 10), true);
    for (let i = 0; i < n; i += 1) assert.equal(keys.add(i % 97, i, i % 5, i / 10), false);
    assert.equal(keys.count, n);
  });
});
