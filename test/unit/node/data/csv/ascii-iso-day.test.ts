import { strict as assert } from 'node:assert';
import { asciiIsoDay } from '../../../../../node/data/csv/ascii-iso-day.js';
import { parseIsoDay } from '../../../../../node/data/parse-iso-day.js';

const DAY_MS = 86_400_000;

function fast(text: string): number {
  return asciiIsoDay(Buffer.from(`,${text},`), 1, text.length + 1);
}

describe('node/data/csv/asciiIsoDay', () => {
  it('agrees with parseIsoDay on every day from 1800 to 2200', () => {
    for (let ms = Date.UTC(1800, 0, 1); ms <= Date.UTC(2200, 11, 31); ms += DAY_MS) {
      const iso = new Date(ms).toISOString().slice(0, 10);
      assert.equal(fast(iso), parseIsoDay(iso), iso);
    }
  });

  it('agrees at the ends of the four-digit years', () => {
    for (const iso of ['0000-01-01', '0000-02-29', '0001-03-01', '9999-12-31', '9996-02-29']) {
      assert.equal(fast(iso), parseIsoDay(iso), iso);
    }
  });

  it('refuses what parseIsoDay refuses', () => {
    const bad = [
      '2019-02-29',
      '1900-02-29',
      '2020-04-31',
      '2020-13-01',
      '2020-00-10',
      '2020-01-00',
      '2020-01-32',
      '2020-1-01',
      '2020/01/01',
      ' 2020-01-01',
      '2020-01-01 ',
      '2020-01-0a',
      '２020-01-01',
      '',
    ];
    for (const text of bad) {
      assert.equal(parseIsoDay(text), undefined, text);
      assert.ok(Number.isNaN(fast(text)), text);
    }
  });
});
