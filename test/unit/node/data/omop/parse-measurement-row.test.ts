import { strict as assert } from 'node:assert';
import { MeasurementKind } from '../../../../../benchmark/cohort.js';
import { decimalToNumber, parseDecimal } from '../../../../../node/data/decimal.js';
import type { OmopPerson } from '../../../../../node/data/omop/parse-person-row.js';
import {
  RECUMBENT_BELOW_AGE_DAYS,
  parseMeasurementRow,
} from '../../../../../node/data/omop/parse-measurement-row.js';
import type {
  MeasurementColumn,
  MeasurementRowResult,
} from '../../../../../node/data/omop/parse-measurement-row.js';

const child: OmopPerson = { id: 'c', sex: 2, birthDay: 0 }; // born 1970-01-01
const persons = (id: string): OmopPerson | 'rejected' | undefined =>
  id === 'c' ? child : id === 'bad' ? 'rejected' : undefined;

function parse(row: Partial<Record<MeasurementColumn, string>>): MeasurementRowResult {
  const full: Partial<Record<MeasurementColumn, string>> = {
    person_id: 'c',
    measurement_date: '1970-03-01', // age 59 days
    ...row,
  };
  return parseMeasurementRow((column) => full[column] ?? '', persons);
}

function value(row: Partial<Record<MeasurementColumn, string>>): [number, number, boolean] {
  const result = parse(row);
  assert.equal(result.status, 'ok', JSON.stringify(row));
  if (result.status !== 'ok') return [-1, -1, false];
  const { kind, value, estimated } = result.measurement;
  return [kind, value, estimated];
}

const { weight, length, height, headCircumference, bmi } = MeasurementKind;

describe('node/data/omop/parseMeasurementRow', () => {
  it('converts every unit concept exactly', () => {
    const w = (unit: string, amount: string) =>
      value({ measurement_concept_id: '3025315', value_as_number: amount, unit_concept_id: unit });
    const s = (unit: string, amount: string) =>
      value({ measurement_concept_id: '3036277', value_as_number: amount, unit_concept_id: unit });
    assert.deepEqual(w('9529', '4.5'), [weight, 4.5, false]);
    assert.deepEqual(w('8504', '4500'), [weight, 4.5, false]);
    assert.deepEqual(w('8739', '10'), [weight, 4.5359237, false]);
    assert.deepEqual(w('9373', '160'), [weight, 4.5359237, false]);
    assert.deepEqual(s('8582', '55.5'), [length, 55.5, false]);
    assert.deepEqual(s('9546', '0.555'), [length, 55.5, false]);
    assert.deepEqual(s('9327', '21.5'), [length, 54.61, false]);
    assert.deepEqual(s('9330', '21.5'), [length, 54.61, false]);
    assert.deepEqual(
      value({
        measurement_concept_id: '3038553',
        value_as_number: '15.25',
        unit_concept_id: '9531',
      }),
      [bmi, 15.25, false],
    );
  });

  it('gives the double of the exact decimal path for every way of writing a number', () => {
    const texts = [
      '48.1',
      '3',
      '007.50',
      '.5',
      '5.',
      '+12.25',
      '1.05e1',
      '0.1e2',
      '19.999999999999999',
    ];
    for (let i = 2000; i < 4000; i += 7) texts.push(`${i / 100}`, (i / 97).toFixed(6));
    for (const text of texts) {
      const exact = decimalToNumber(parseDecimal(text) ?? { digits: 0n, exponent: 0 });
      const kg = value({
        measurement_concept_id: '3025315',
        value_as_number: text,
        unit_concept_id: '9529',
      });
      assert.deepEqual(kg, [weight, exact, false], text);
    }
  });

  it('falls back to unit_source_value only when unit_concept_id is 0 or empty', () => {
    const source = (unit: string, concept = '0') =>
      value({
        measurement_concept_id: '3000053',
        value_as_number: '15',
        unit_concept_id: concept,
        unit_source_value: unit,
      });
    assert.deepEqual(source('[in_i]'), [headCircumference, 38.1, false]);
    assert.deepEqual(source('[IN_US]', ''), [headCircumference, 38.1, false]);
    assert.deepEqual(source('in'), [headCircumference, 38.1, false]);
    assert.deepEqual(source('cm'), [headCircumference, 15, false]);
    assert.deepEqual(source('mm', '8582'), [headCircumference, 15, false]); // the concept wins
    const mass = (unit: string, amount = '2') =>
      value({
        measurement_concept_id: '3025315',
        value_as_number: amount,
        unit_source_value: unit,
      });
    for (const unit of ['[lb_av]', '[lb_us]', 'lb', 'LBS']) {
      assert.deepEqual(mass(unit), [weight, 0.90718474, false], unit);
    }
    assert.deepEqual(mass('[oz_av]', '16'), [weight, 0.45359237, false]);
    assert.deepEqual(mass('oz', '16'), [weight, 0.45359237, false]);
    assert.deepEqual(mass('g', '2000'), [weight, 2, false]);
    assert.deepEqual(mass('KG'), [weight, 2, false]);
  });

  it('marks stated and estimated concepts, and decides length or height by age', () => {
    const at = (concept: string, date: string) =>
      value({
        measurement_concept_id: concept,
        measurement_date: date,
        value_as_number: '80',
        unit_concept_id: '8582',
      });
    assert.equal(RECUMBENT_BELOW_AGE_DAYS, 731);
    assert.deepEqual(at('3036277', '1972-01-01'), [length, 80, false]); // 730 days
    assert.deepEqual(at('3036277', '1972-01-02'), [height, 80, false]); // 731 days
    assert.deepEqual(at('3023540', '1972-01-02'), [height, 80, false]);
    assert.deepEqual(at('3019171', '1971-01-01'), [length, 80, true]);
    const w = (concept: string) =>
      value({ measurement_concept_id: concept, value_as_number: '8', unit_concept_id: '9529' });
    assert.deepEqual(w('3013762'), [weight, 8, false]);
    assert.deepEqual(w('3023166'), [weight, 8, true]);
    assert.deepEqual(w('3026600'), [weight, 8, true]);
  });

  it('keeps a body position recorded as the source LOINC code', () => {
    const at = (date: string, source: string) =>
      value({
        measurement_concept_id: '3036277',
        measurement_date: date,
        measurement_source_value: source,
        value_as_number: '80',
        unit_concept_id: '8582',
      });
    assert.deepEqual(at('1972-06-01', '8306-3'), [length, 80, false]); // lying at 2.4 years
    assert.deepEqual(at('1971-06-01', '8308-9'), [height, 80, false]); // standing at 1.4 years
    assert.deepEqual(at('1971-06-01', '8302-2'), [length, 80, false]); // no position: by age
    assert.deepEqual(at('1972-06-01', '8302-2'), [height, 80, false]);
  });

  it('ignores other concepts whatever else the row holds', () => {
    for (const concept of ['40762638', '46236327', '0', '', '3025315 ']) {
      assert.deepEqual(parse({ measurement_concept_id: concept, person_id: '' }), {
        status: 'ignored',
      });
    }
  });

  it('names the person problems', () => {
    const weightOf = (person: string) =>
      parse({
        person_id: person,
        measurement_concept_id: '3025315',
        value_as_number: '8',
        unit_concept_id: '9529',
      });
    assert.deepEqual(weightOf('nobody'), {
      status: 'rejected',
      problems: [{ field: 'person_id', reason: 'UNKNOWN_PERSON' }],
    });
    assert.deepEqual(weightOf('bad'), {
      status: 'rejected',
      problems: [{ field: 'person_id', reason: 'PERSON_REJECTED' }],
    });
  });
});
