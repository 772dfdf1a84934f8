import { strict as assert } from 'node:assert';
import { MeasurementKind } from '../../../../../benchmark/cohort.js';
import { MeasurementTable } from '../../../../../node/data/fhir/measurement-table.js';

const { weight, length, height } = MeasurementKind;

describe('node/data/fhir/MeasurementTable', () => {
  it('refuses the same child, day, kind and value, and only that', () => {
    const table = new MeasurementTable();
    assert.equal(table.add(0, 10, weight, 3.4, false), true);
    assert.equal(table.add(0, 10, weight, 3.4, false), false);
    assert.equal(table.add(1, 10, weight, 3.4, false), true); // other child
    assert.equal(table.add(0, 11, weight, 3.4, false), true); // other day
    assert.equal(table.add(0, 10, length, 3.4, false), true); // other kind
    assert.equal(table.add(0, 10, weight, 3.5, false), true); // other value
    assert.equal(table.add(0, 10, height, 0, false), true);
    assert.equal(table.add(0, 10, height, -0, false), false); // -0 === 0
    assert.equal(table.length, 6);
    const columns = table.finish();
    assert.deepEqual([...columns.child], [0, 1, 0, 0, 0, 0]);
    assert.deepEqual([...columns.ageDays], [10, 10, 11, 10, 10, 10]);
    assert.deepEqual([...columns.kind], [weight, weight, weight, length, weight, height]);
    assert.deepEqual([...columns.value], [3.4, 3.4, 3.4, 3.4, 3.5, 0]);
  });

  it('a measured duplicate makes the stored copy measured; an estimated one does not', () => {
    const table = new MeasurementTable();
    table.add(0, 1, weight, 5, true);
    table.add(0, 2, weight, 5, false);
    assert.equal(table.add(0, 1, weight, 5, false), false);
    assert.equal(table.add(0, 2, weight, 5, true), false);
    assert.deepEqual([...table.finish().estimated], [0, 0]);
  });

  it('keeps order and finds duplicates across growth', () => {
    const table = new MeasurementTable();
    const n = 50_000;
    for (let i = 0; i < n; i += 1) assert.equal(table.add(i % 97, i, weight, i / 10, false), true);
    for (let i = 0; i < n; i += 997)
      assert.equal(table.add(i % 97, i, weight, i / 10, true), false);
    const columns = table.finish();
    assert.equal(columns.child.length, n);
    assert.equal(columns.ageDays[n - 1], n - 1);
    assert.equal(columns.value[12_345], 1234.5);
    assert.equal(
      columns.estimated.every((flag) => flag === 0),
      true,
    );
  });
});
