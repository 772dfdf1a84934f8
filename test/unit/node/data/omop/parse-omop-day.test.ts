import { strict as assert } from 'node:assert';
import { parseOmopDay } from '../../../../../node/data/omop/parse-omop-day.js';

describe('node/data/omop/parseOmopDay', () => {
  it('reads dates and the date part of datetimes, without shifting time zones', () => {
    assert.equal(parseOmopDay('1970-01-02'), 1);
    assert.equal(parseOmopDay('2020-02-29 00:00:00'), 18321);
    assert.equal(parseOmopDay('2020-02-29T23:59:59-11:00'), 18321);
    assert.equal(parseOmopDay('2020-02-29T00:30:00+14:00'), 18321);
  });

  it('refuses what is not a real date', () => {
    for (const text of ['', '2021-02-29', '2020-02-29X10', '20200229', '2020-2-9', '29/02/2020']) {
      assert.equal(parseOmopDay(text), undefined, text);
    }
  });
});
