import { strict as assert } from 'node:assert';
import { PARTIAL, parseFhirDay } from '../../../../../node/data/fhir/parse-fhir-day.js';
import { parseIsoDay } from '../../../../../node/data/parse-iso-day.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

describe('node/data/fhir/parseFhirDay', () => {
  it('agrees with parseIsoDay on every day (and non-day) of four centuries', () => {
    let checked = 0;
    for (let year = 1900; year < 2300; year += 1) {
      for (let month = 1; month <= 12; month += 1) {
        for (let day = 0; day <= 32; day += 1) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          assert.equal(parseFhirDay(text), parseIsoDay(text), text);
          checked += 1;
        }
      }
    }
    assert.equal(checked, 400 * 12 * 33);
    assert.equal(parseFhirDay('1970-01-01'), 0);
    assert.equal(parseFhirDay('2020-02-29'), 18321);
    assert.equal(parseFhirDay('2021-02-29'), undefined);
  });

  it('takes the date of a dateTime as written, whatever its time zone', () => {
    const day = parseIsoDay('2020-11-18');
    assert.equal(parseFhirDay('2020-11-18T16:19:31-08:00'), day);
    assert.equal(parseFhirDay('2020-11-18T23:59:59+14:00'), day);
    assert.equal(parseFhirDay('2020-11-18T00:00:00.000Z'), day);
  });

  it('tells partial dates from bad ones', () => {
    assert.equal(parseFhirDay('2020'), PARTIAL);
    assert.equal(parseFhirDay('2020-07'), PARTIAL);
    for (const bad of [
      '2020-13',
      '2020-00',
      '202',
      '2020-7',
      '2020-1-01',
      '20200101',
      '2020/01/01',
      '2020-01-01 ',
      '2020-01-01X10:00',
      ' 2020-01-01',
      '+2020-01-01',
      '',
      'abcd',
    ]) {
      assert.equal(parseFhirDay(bad), undefined, bad);
    }
    for (const notText of [undefined, null, 20200101, {}, ['2020-01-01']]) {
      assert.equal(parseFhirDay(notText), undefined);
    }
  });
});
