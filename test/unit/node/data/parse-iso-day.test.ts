import { strict as assert } from 'node:assert';
import { parseIsoDay } from '../../../../node/data/parse-iso-day.js';

const DAY_MS = 86_400_000;

describe('node/data/parseIsoDay', () => {
  it('counts days from 1970-01-01 like Date.UTC, before and after the epoch', () => {
    assert.equal(parseIsoDay('1970-01-01'), 0);
    assert.equal(parseIsoDay('1969-12-31'), -1);
    assert.equal(parseIsoDay('2000-03-01'), 11017);
    for (let ms = Date.UTC(1895, 0, 1); ms < Date.UTC(2105, 0, 1); ms += 37 * DAY_MS) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      assert.equal(parseIsoDay(iso), ms / DAY_MS, iso);
    }
  });

  it('knows leap years', () => {
    assert.equal(parseIsoDay('2020-02-29'), Date.UTC(2020, 1, 29) / DAY_MS);
    assert.equal(parseIsoDay('2000-02-29'), Date.UTC(2000, 1, 29) / DAY_MS);
    assert.equal(parseIsoDay('2019-02-29'), undefined);
    assert.equal(parseIsoDay('1900-02-29'), undefined);
  });

  it('refuses anything but a real YYYY-MM-DD date', () => {
    const bad = [
      '2020-1-01',
      '2020-01-1',
      '20-01-01',
      '2020/01/01',
      '2020-00-10',
      '2020-13-01',
      '2020-04-31',
      '2020-01-00',
      '2020-01-01T00:00',
      ' 2020-01-01',
      '01-02-2020',
      '',
    ];
    for (const text of bad) assert.equal(parseIsoDay(text), undefined, text);
  });
});
