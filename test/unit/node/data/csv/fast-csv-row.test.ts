import { strict as assert } from 'node:assert';
import { MeasurementKind } from '../../../../../benchmark/cohort.js';
import { FastCsvRow } from '../../../../../node/data/csv/fast-csv-row.js';
import { parseCsvHeader } from '../../../../../node/data/parse-csv-header.js';
import { parseIsoDay } from '../../../../../node/data/parse-iso-day.js';

const HEADER =
  'note,child_id,sex,birth_date,gestational_age_weeks,measurement_date,kind,value,unit,estimated';
const GOOD = 'x,c1,F,2020-01-01,38.5,2020-03-01,length,19.5,in,TRUE';

function parser(header = HEADER): FastCsvRow {
  return new FastCsvRow(parseCsvHeader(header.split(',')));
}

function parse(row: FastCsvRow, line: string): Buffer | undefined {
  const bytes = Buffer.from(`${line}\n`);
  return row.parse(bytes, 0, bytes.length - 1) ? bytes : undefined;
}

describe('node/data/csv/FastCsvRow', () => {
  it('parses a valid row into cohort units', () => {
    const row = parser();
    const bytes = parse(row, GOOD);
    assert.ok(bytes);
    assert.equal(bytes.toString('latin1', row.idStart, row.idEnd), 'c1');
    assert.deepEqual(
      [row.sex, row.birthDay, row.gestationalAgeWeeks, row.measurementDay],
      [2, parseIsoDay('2020-01-01'), 38.5, parseIsoDay('2020-03-01')],
    );
    assert.deepEqual([row.kind, row.value, row.estimated], [MeasurementKind.length, 49.53, true]);
  });

  it('takes simple quoted fields and notices a repeated child', () => {
    const row = parser();
    assert.ok(parse(row, GOOD));
    assert.equal(row.sameChild, false);
    assert.ok(parse(row, GOOD.replace('c1', '"c1"')));
    assert.equal(row.sameChild, true);
    const bytes = parse(row, '"a, b","smith, j",F,2020-01-01,,2020-03-01,weight,3,kg,');
    assert.ok(bytes);
    assert.equal(bytes.toString('latin1', row.idStart, row.idEnd), 'smith, j');
    assert.equal(row.sameChild, false);
    assert.ok(Number.isNaN(row.gestationalAgeWeeks));
    assert.equal(row.estimated, false);
  });

  it('leaves every doubtful or invalid row to the exact path', () => {
    const row = parser();
    const doubtful = [
      GOOD.replace('c1', '"c""1"'), // an escaped quote
      GOOD.replace('x', '"x""y"'), // also in an ignored field: it may hide a comma
      GOOD.replace('c1', ' "c1"'), // a quoted field after blanks
      GOOD.replace('c1', '"c1" '), // text after the closing quote
      GOOD.replace('c1', '"c1'), // unterminated quote
      GOOD.replace('c1', ' c1'), // would be trimmed
      GOOD.replace('c1', 'c\u00e91'), // not ASCII
      GOOD.replace('c1', ''),
      GOOD.replace('19.5', '.5'),
      GOOD.replace('19.5', '1e1'),
      GOOD.replace('19.5', '500'), // out of range
      GOOD.replace('in', 'kg'),
      GOOD.replace('in', 'IN '),
      GOOD.replace('length', 'girth'),
      GOOD.replace('F', 'X'),
      GOOD.replace('38.5', '19'),
      GOOD.replace('38.5', '38,5'),
      GOOD.replace('2020-03-01', '2019-12-31'), // before birth
      GOOD.replace('2020-03-01', '2020-02-30'),
      GOOD.replace('TRUE', 'yes'),
      `${GOOD},extra`,
      GOOD.slice(0, GOOD.lastIndexOf(',')),
      '',
    ];
    for (const line of doubtful) assert.equal(parse(row, line), undefined, line);
  });

  it('treats a quote inside an unquoted field as text, like parseCsvLine', () => {
    const row = parser();
    const bytes = parse(row, GOOD.replace('c1', 'c"1').replace('x,', 'say "hi",'));
    assert.ok(bytes);
    assert.equal(bytes.toString('latin1', row.idStart, row.idEnd), 'c"1');
  });

  it('reuses the child columns of the last accepted row only when their bytes repeat', () => {
    for (const header of [HEADER, 'kind,child_id,value,sex,unit,birth_date,measurement_date']) {
      const row = parser(header);
      const line = (id: string, sex: string, value: string): string =>
        header === HEADER
          ? `x,${id},${sex},2020-01-01,,2020-03-01,weight,${value},kg,0`
          : `weight,${id},${value},${sex},kg,2020-01-01,2020-03-01`;
      assert.ok(parse(row, line('"a,1"', 'F', '5')));
      assert.equal(parse(row, line('"a,1"', 'F', 'bad')), undefined);
      // Same child columns, now preceded by another line in the buffer: the id moves.
      const bytes = Buffer.from(`${line('zz', 'M', '1')}\n${line('"a,1"', 'F', '6.5')}\n`);
      const start = bytes.indexOf(10) + 1;
      assert.ok(row.parse(bytes, start, bytes.length - 1));
      assert.equal(row.sameChild, true);
      assert.equal(bytes.toString('latin1', row.idStart, row.idEnd), 'a,1');
      assert.deepEqual([row.sex, row.value, row.birthDay], [2, 6.5, parseIsoDay('2020-01-01')]);
      // Another child: parsed afresh.
      assert.ok(parse(row, line('b', 'M', '7')));
      assert.deepEqual([row.sameChild, row.sex, row.value], [false, 1, 7]);
    }
  });

  it('works without the optional columns', () => {
    const row = parser('child_id,sex,birth_date,measurement_date,kind,value,unit');
    assert.ok(parse(row, 'k1,m,2020-01-01,2020-01-11,weight,3.5,kg'));
    assert.ok(Number.isNaN(row.gestationalAgeWeeks));
    assert.equal(row.estimated, false);
    assert.equal(row.sex, 1);
  });
});
