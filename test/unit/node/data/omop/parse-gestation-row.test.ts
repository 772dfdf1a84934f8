import { strict as assert } from 'node:assert';
import {
  GESTATION_OWN_BELOW_AGE_DAYS,
  GESTATION_WEEKS_RANGE,
} from '../../../../../node/data/gestation-rules.js';
import type { OmopPerson } from '../../../../../node/data/omop/parse-person-row.js';
import { parseGestationRow } from '../../../../../node/data/omop/parse-gestation-row.js';
import { parseMeasurementRow } from '../../../../../node/data/omop/parse-measurement-row.js';
import type {
  MeasurementColumn,
  MeasurementRowResult,
} from '../../../../../node/data/omop/parse-measurement-row.js';

const child: OmopPerson = { id: 'c', sex: 1, birthDay: 0 }; // born 1970-01-01
const persons = (id: string): OmopPerson | 'rejected' | undefined =>
  id === 'c' ? child : id === 'bad' ? 'rejected' : undefined;

type Row = Partial<Record<MeasurementColumn, string>>;

/** A gestational-age row (concept 3012266, 37 weeks, dated the birth day) with `row` over it. */
function parse(row: Row): MeasurementRowResult {
  const full: Row = {
    person_id: 'c',
    measurement_concept_id: '3012266',
    measurement_date: '1970-01-01',
    value_as_number: '37',
    unit_concept_id: '8511',
    ...row,
  };
  return parseMeasurementRow((column) => full[column] ?? '', persons);
}

function days(row: Row): number {
  const result = parse(row);
  assert.equal(result.status, 'gestation', JSON.stringify(row));
  return result.status === 'gestation' ? result.gestation.days : Number.NaN;
}

function problems(row: Row): Array<[string, string]> {
  const result = parse(row);
  assert.equal(result.status, 'rejected', JSON.stringify(row));
  return result.status === 'rejected' ? result.problems.map((p) => [p.field, p.reason]) : [];
}

describe('node/data/omop/parseGestationRow', () => {
  it('reads the gestational-age concepts into days for the person', () => {
    const result = parse({});
    assert.deepEqual(result, { status: 'gestation', gestation: { person: child, days: 259 } });
    assert.equal(days({ measurement_concept_id: '3048230' }), 259); // Gestational age in weeks
    assert.equal(days({ measurement_concept_id: '3002209' }), 259); // Gestational age Estimated
    const read = (column: MeasurementColumn) => (column === 'person_id' ? 'c' : '');
    assert.deepEqual(parseGestationRow(read, persons), {
      status: 'rejected',
      problems: [
        { field: 'measurement_date', reason: 'MISSING_VALUE' },
        { field: 'value_as_number', reason: 'MISSING_VALUE' },
        { field: 'unit_source_value', reason: 'MISSING_VALUE' },
      ],
    });
  });

  it('converts weeks and days exactly, to the days the long CSV format reads', () => {
    assert.equal(days({ value_as_number: '37.1' }), 259.7); // not 37.1 × 7 = 259.70000000000005
    assert.equal(days({ value_as_number: '260', unit_concept_id: '8512' }), 260);
    assert.equal(days({ value_as_number: '33.71', unit_concept_id: '8511' }), 235.97);
    // The CSV adapter stores Float32(weeks × 7); both give the same float32 for every tenth of a week.
    for (let tenths = 200; tenths <= 450; tenths += 1) {
      const text = (tenths / 10).toFixed(1);
      const csv = Math.fround(Number(text) * 7);
      assert.equal(Math.fround(days({ value_as_number: text })), csv, text);
    }
  });

  it('takes the unit from unit_source_value only when unit_concept_id is 0 or empty', () => {
    const source = (unit: string, amount: string, concept = '0') =>
      days({ value_as_number: amount, unit_concept_id: concept, unit_source_value: unit });
    for (const unit of ['wk', 'WK', 'week', 'weeks']) assert.equal(source(unit, '40'), 280, unit);
    for (const unit of ['d', 'Day', 'days']) assert.equal(source(unit, '250', ''), 250, unit);
    assert.equal(source('d', '40', '8511'), 280); // the concept wins
  });

  it('rejects units of another kind, and missing or unknown units', () => {
    assert.deepEqual(problems({ unit_concept_id: '9529' }), [
      ['unit_concept_id', 'UNKNOWN_UNIT'], // kilogram
    ]);
    assert.deepEqual(problems({ unit_concept_id: '9580' }), [
      ['unit_concept_id', 'UNKNOWN_UNIT'], // month: not a unit gestational age is kept in
    ]);
    assert.deepEqual(problems({ unit_concept_id: '0', unit_source_value: 'cm' }), [
      ['unit_source_value', 'UNKNOWN_UNIT'],
    ]);
    assert.deepEqual(problems({ unit_concept_id: '' }), [['unit_source_value', 'MISSING_VALUE']]);
    // And a growth concept never takes a gestational-age unit.
    assert.deepEqual(problems({ measurement_concept_id: '3025315', unit_concept_id: '8511' }), [
      ['unit_concept_id', 'UNKNOWN_UNIT'],
    ]);
  });

  it('accepts the long CSV format plausible range and rejects values outside it', () => {
    assert.deepEqual(GESTATION_WEEKS_RANGE, [20, 45]);
    assert.equal(days({ value_as_number: '20' }), 140);
    assert.equal(days({ value_as_number: '45' }), 315);
    assert.equal(days({ value_as_number: '315', unit_concept_id: '8512' }), 315);
    const outside: Array<[string, string]> = [
      ['19.9', '8511'],
      ['45.1', '8511'],
      ['139', '8512'],
      ['316', '8512'],
      ['0', '8511'],
      ['-37', '8511'],
      ['259', '8511'], // days written with the week unit
    ];
    for (const [value, unit] of outside) {
      assert.deepEqual(
        problems({ value_as_number: value, unit_concept_id: unit }),
        [['value_as_number', 'OUT_OF_RANGE']],
        `${value} ${unit}`,
      );
    }
  });

  it('reports bad values, persons and dates, all problems of a row at once', () => {
    assert.deepEqual(problems({ value_as_number: '' }), [['value_as_number', 'MISSING_VALUE']]);
    assert.deepEqual(problems({ value_as_number: '37,1' }), [['value_as_number', 'BAD_NUMBER']]);
    assert.deepEqual(problems({ person_id: 'nobody' }), [['person_id', 'UNKNOWN_PERSON']]);
    assert.deepEqual(problems({ person_id: 'bad' }), [['person_id', 'PERSON_REJECTED']]);
    assert.deepEqual(problems({ person_id: '' }), [['person_id', 'MISSING_VALUE']]);
    assert.deepEqual(problems({ measurement_date: '1970-02-30' }), [
      ['measurement_date', 'BAD_DATE'],
    ]);
    assert.deepEqual(problems({ measurement_date: '1969-12-31' }), [
      ['measurement_date', 'MEASURED_BEFORE_BIRTH'],
    ]);
    assert.deepEqual(
      problems({ measurement_date: '1969-12-31', value_as_number: '50', unit_concept_id: '8582' }),
      [
        ['unit_concept_id', 'UNKNOWN_UNIT'],
        ['measurement_date', 'MEASURED_BEFORE_BIRTH'],
      ],
    );
    assert.equal(days({ measurement_date: '', measurement_datetime: '1970-01-01 00:00:00' }), 259);
  });

  it("ignores a gestational age dated from the tenth birthday on: a pregnancy's", () => {
    assert.equal(GESTATION_OWN_BELOW_AGE_DAYS, 3653);
    assert.equal(days({ measurement_date: '1980-01-01' }), 259); // 3652 days: still the child's
    for (const row of [
      { measurement_date: '1980-01-02' }, // 3653 days
      { measurement_date: '1995-06-01', value_as_number: '12' }, // a first-trimester scan
      { measurement_date: '1995-06-01', unit_concept_id: '9529' }, // whatever else it holds
    ]) {
      assert.deepEqual(parse(row), { status: 'ignored' }, JSON.stringify(row));
    }
  });
});
