import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { parseCsvHeader } from '../../../../node/data/parse-csv-header.js';

const REQUIRED = ['child_id', 'sex', 'birth_date', 'measurement_date', 'kind', 'value', 'unit'];

describe('node/data/parseCsvHeader', () => {
  it('maps columns in any order, ignoring extras, case and spaces', () => {
    const columns = parseCsvHeader([
      'note',
      ' UNIT ',
      'value',
      'kind',
      'measurement_date',
      'Birth_Date',
      'sex',
      'child_id',
      'estimated',
    ]);
    assert.equal(columns.count, 9);
    assert.deepEqual(columns.index, {
      unit: 1,
      value: 2,
      kind: 3,
      measurement_date: 4,
      birth_date: 5,
      sex: 6,
      child_id: 7,
      estimated: 8,
    });
  });

  it('ignores a byte order mark on the first column', () => {
    assert.equal(parseCsvHeader(['\uFEFFchild_id', ...REQUIRED.slice(1)]).index.child_id, 0);
  });

  it('refuses each missing required column and repeated columns', () => {
    for (const missing of REQUIRED) {
      const fields = REQUIRED.filter((name) => name !== missing);
      assert.throws(
        () => parseCsvHeader(fields),
        (error) => hasCode(error, 'CSV_HEADER_INVALID'),
        missing,
      );
    }
    assert.throws(
      () => parseCsvHeader([...REQUIRED, 'Kind']),
      (error) => hasCode(error, 'CSV_HEADER_INVALID'),
    );
  });
});
