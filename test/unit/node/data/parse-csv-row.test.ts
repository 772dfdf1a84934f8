import { strict as assert } from 'node:assert';
import { MeasurementKind } from '../../../../benchmark/cohort.js';
import { parseCsvHeader } from '../../../../node/data/parse-csv-header.js';
import { parseCsvRow } from '../../../../node/data/parse-csv-row.js';
import type { FieldProblem } from '../../../../node/data/parse-csv-row.js';

const columns = parseCsvHeader([
  'child_id',
  'sex',
  'birth_date',
  'gestational_age_weeks',
  'measurement_date',
  'kind',
  'value',
  'unit',
  'estimated',
]);
const good = ['c1', 'F', '2020-01-01', '38.5', '2020-03-01', 'weight', '5.2', 'kg', 'TRUE'];

function problemsOf(change: Record<number, string>): FieldProblem[] {
  const fields = good.map((value, i) => change[i] ?? value);
  const result = parseCsvRow(fields, columns);
  return result.ok ? [] : result.problems;
}

describe('node/data/parseCsvRow', () => {
  it('parses a good row into cohort units', () => {
    const result = parseCsvRow(good, columns);
    assert.deepEqual(result, {
      ok: true,
      row: {
        childId: 'c1',
        sex: 2,
        birthDay: 18262,
        gestationalAgeWeeks: 38.5,
        measurementDay: 18322,
        kind: MeasurementKind.weight,
        value: 5.2,
        estimated: true,
      },
    });
  });

  it('accepts every spelling of sex and estimated', () => {
    for (const sex of ['m', 'M', '1', 'f', 'F', '2'])
      assert.deepEqual(problemsOf({ 1: sex }), [], sex);
    for (const flag of ['0', '1', 'true', 'False', ''])
      assert.deepEqual(problemsOf({ 8: flag }), [], flag);
    for (const sex of ['male', '0', '3', 'U'])
      assert.deepEqual(problemsOf({ 1: sex }), [{ field: 'sex', reason: 'BAD_SEX' }]);
    for (const flag of ['yes', '2', 'y'])
      assert.deepEqual(problemsOf({ 8: flag }), [{ field: 'estimated', reason: 'BAD_BOOLEAN' }]);
  });

  it('treats empty gestational age as unknown and checks its range', () => {
    const result = parseCsvRow(
      good.map((value, i) => (i === 3 ? '' : value)),
      columns,
    );
    assert.ok(result.ok && Number.isNaN(result.row.gestationalAgeWeeks));
    assert.deepEqual(problemsOf({ 3: '19.9' }), [
      { field: 'gestational_age_weeks', reason: 'OUT_OF_RANGE' },
    ]);
    assert.deepEqual(problemsOf({ 3: '45' }), []);
    assert.deepEqual(problemsOf({ 3: '38+2' }), [
      { field: 'gestational_age_weeks', reason: 'BAD_NUMBER' },
    ]);
  });

  it('reports missing required values by column', () => {
    assert.deepEqual(problemsOf({ 0: '  ', 7: '' }), [
      { field: 'child_id', reason: 'MISSING_VALUE' },
      { field: 'unit', reason: 'MISSING_VALUE' },
    ]);
  });

  it('allows age zero but not a measurement before birth', () => {
    assert.deepEqual(problemsOf({ 4: '2020-01-01' }), []);
    assert.deepEqual(problemsOf({ 4: '2019-12-31' }), [
      { field: 'measurement_date', reason: 'MEASURED_BEFORE_BIRTH' },
    ]);
  });

  it('checks the range after conversion', () => {
    assert.deepEqual(problemsOf({ 6: '5200', 7: 'g' }), []);
    assert.deepEqual(problemsOf({ 6: '5200' }), [{ field: 'value', reason: 'OUT_OF_RANGE' }]);
    assert.deepEqual(problemsOf({ 6: '-1' }), [{ field: 'value', reason: 'OUT_OF_RANGE' }]);
    assert.deepEqual(problemsOf({ 6: '1e999' }), [{ field: 'value', reason: 'OUT_OF_RANGE' }]);
    assert.deepEqual(problemsOf({ 7: 'cm' }), [{ field: 'unit', reason: 'UNKNOWN_UNIT' }]);
  });

  it('checks the unit against all kinds when the kind is unknown', () => {
    assert.deepEqual(problemsOf({ 5: 'girth', 7: 'cm' }), [
      { field: 'kind', reason: 'UNKNOWN_KIND' },
    ]);
    assert.deepEqual(problemsOf({ 5: 'girth', 7: 'hands' }), [
      { field: 'kind', reason: 'UNKNOWN_KIND' },
      { field: 'unit', reason: 'UNKNOWN_UNIT' },
    ]);
  });
});
