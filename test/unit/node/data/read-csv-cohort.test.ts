import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeasurementKind, childCount, measurementCount } from '../../../../benchmark/cohort.js';
import { hasCode } from '../../../../benchmark/errors.js';
import { MAX_REPORTED_PROBLEMS } from '../../../../node/data/ingest-report.js';
import { MAX_LINE_CHARS, readCsvCohort } from '../../../../node/data/read-csv-cohort.js';
import { measurementRows } from '../../../helpers/measurement-rows.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../fixtures/csv/${name}`, import.meta.url));
const day = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
  86_400_000;

describe('node/data/readCsvCohort', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'centile-csv-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const temp = (name: string, content: string): string => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('reads a good file exactly', async () => {
    const { cohort, report } = await readCsvCohort(fixture('good.csv'));
    assert.deepEqual(report, {
      file: 'good.csv',
      rowsRead: 7,
      rowsAccepted: 7,
      rowsRejected: 0,
      problems: [],
      problemCounts: {},
    });
    const { children } = cohort;
    assert.deepEqual(children.ids, ['c1', 'c2', 'c3']);
    assert.deepEqual([...children.sex], [1, 2, 2]);
    assert.deepEqual(
      [...children.birthDay],
      [day('2020-01-15'), day('2019-06-01'), day('2018-02-28')],
    );
    assert.equal(children.birthDay[0], 18276);
    assert.deepEqual([...children.gestationalAgeDays], [273, Number.NaN, 255.5]);
    const { weight, length, height, headCircumference, bmi } = MeasurementKind;
    assert.deepEqual(measurementRows(cohort), [
      ['c1', 0, weight, 3.4, 0],
      ['c1', 0, length, 50.2, 0],
      ['c1', 182, weight, 7.9, 0],
      ['c1', 182, headCircumference, 43.5, 0],
      ['c2', 731, height, 86.1, 1],
      ['c2', 731, bmi, 16.2, 1],
      ['c3', 1, weight, 2.45, 0],
    ]);
  });

  it('rejects one bad row of each kind, naming row, field and reason', async () => {
    const { cohort, report } = await readCsvCohort(fixture('bad-rows.csv'));
    assert.deepEqual(report.problems, [
      { row: 3, field: 'sex', reason: 'MISSING_VALUE' },
      { row: 4, field: 'birth_date', reason: 'BAD_DATE' },
      { row: 5, field: 'unit', reason: 'UNKNOWN_UNIT' },
      { row: 6, field: 'kind', reason: 'UNKNOWN_KIND' },
      { row: 7, field: 'value', reason: 'OUT_OF_RANGE' },
      { row: 8, field: 'sex', reason: 'CONFLICTING_CHILD' },
      { row: 9, field: 'measurement_date', reason: 'MEASURED_BEFORE_BIRTH' },
      { row: 10, field: '*', reason: 'MALFORMED_ROW' },
      { row: 11, field: 'value', reason: 'BAD_NUMBER' },
      { row: 12, field: 'sex', reason: 'BAD_SEX' },
      { row: 13, field: 'estimated', reason: 'BAD_BOOLEAN' },
      { row: 15, field: '*', reason: 'MALFORMED_ROW' },
      { row: 17, field: 'gestational_age_weeks', reason: 'OUT_OF_RANGE' },
      { row: 18, field: 'birth_date', reason: 'CONFLICTING_CHILD' },
      { row: 19, field: 'measurement_date', reason: 'BAD_DATE' },
    ]);
    assert.deepEqual(report.problemCounts, {
      MISSING_VALUE: 1,
      BAD_DATE: 2,
      UNKNOWN_UNIT: 1,
      UNKNOWN_KIND: 1,
      OUT_OF_RANGE: 2,
      CONFLICTING_CHILD: 2,
      MEASURED_BEFORE_BIRTH: 1,
      MALFORMED_ROW: 2,
      BAD_NUMBER: 1,
      BAD_SEX: 1,
      BAD_BOOLEAN: 1,
    });
    assert.equal(report.rowsRead, 17); // the blank line 14 is not a row
    assert.equal(report.rowsAccepted, 2);
    assert.equal(report.rowsRejected, 15);
    assert.deepEqual(cohort.children.ids, ['b1', 'b13']);
    assert.deepEqual(measurementRows(cohort), [
      ['b1', 31, MeasurementKind.weight, 4.1, 0],
      ['b13', 31, MeasurementKind.length, 49.5, 0],
    ]);
  });

  it('never puts data values in the report', async () => {
    const { report } = await readCsvCohort(fixture('bad-rows.csv'));
    const text = JSON.stringify(report);
    for (const value of [
      'b1',
      'b12',
      '2020',
      '4100',
      'abc',
      'maybe',
      'stone',
      'arm_span',
      '"X"',
      '4.1',
    ]) {
      assert.equal(text.includes(value), false, value);
    }
  });

  it('converts lb, in, g, oz, mm and m exactly and parses quoted fields', async () => {
    const { cohort, report } = await readCsvCohort(fixture('units-quoted.csv'));
    assert.deepEqual(report.problems, []);
    assert.equal(report.rowsAccepted, 8);
    assert.deepEqual(cohort.children.ids, ['smith, j', 'doe "jr"', 'c9']);
    assert.deepEqual([...cohort.children.sex], [2, 1, 2]);
    const { weight, length, height, headCircumference, bmi } = MeasurementKind;
    assert.deepEqual(measurementRows(cohort), [
      ['smith, j', 0, weight, 3.401942775, 0], // 7.5 lb
      ['smith, j', 0, length, 49.53, 0], // 19.5 in
      ['doe "jr"', 15, weight, 3.25, 0], // 3250 g
      ['doe "jr"', 92, weight, 3.401942775, 0], // 120 oz
      ['doe "jr"', 15, headCircumference, 35.5, 0], // 355 mm
      ['c9', 1461, height, 102, 0], // 1.02 m
      ['c9', 1461, weight, 16.32932532, 0], // 36 lb
      ['c9', 1461, bmi, 15.5, 0],
    ]);
  });

  it('accepts CRLF line endings, a byte order mark and a missing final newline', async () => {
    const file = temp(
      'crlf.csv',
      '\uFEFFChild_ID,SEX,birth_date,measurement_date,kind,value,unit\r\n\r\nk1,m,2020-01-01,2020-01-11,weight,3.5,kg\r\nk1,M,2020-01-01,2020-01-21,weight,3.9,KG',
    );
    const { cohort, report } = await readCsvCohort(file);
    assert.deepEqual([report.rowsRead, report.rowsAccepted, report.problems.length], [2, 2, 0]);
    assert.deepEqual(measurementRows(cohort), [
      ['k1', 10, MeasurementKind.weight, 3.5, 0],
      ['k1', 20, MeasurementKind.weight, 3.9, 0],
    ]);
  });

  it('reports every problem of a row and rejects the row once', async () => {
    const file = temp(
      'multi.csv',
      'child_id,sex,birth_date,measurement_date,kind,value,unit\n,Q,2020-13-01,,weight,x,stone\n',
    );
    const { report } = await readCsvCohort(file);
    assert.equal(report.rowsRejected, 1);
    assert.deepEqual(
      report.problems.map((problem) => `${problem.row}:${problem.field}:${problem.reason}`),
      [
        '2:child_id:MISSING_VALUE',
        '2:sex:BAD_SEX',
        '2:birth_date:BAD_DATE',
        '2:measurement_date:MISSING_VALUE',
        '2:value:BAD_NUMBER',
        '2:unit:UNKNOWN_UNIT',
      ],
    );
  });

  it('lists the first problems but counts them all', async () => {
    const bad = 'z,M,2020-01-01,2020-01-02,weight,0,kg\n';
    const file = temp(
      'many.csv',
      `child_id,sex,birth_date,measurement_date,kind,value,unit\n${bad.repeat(250)}`,
    );
    const { report } = await readCsvCohort(file);
    assert.equal(report.problems.length, MAX_REPORTED_PROBLEMS);
    assert.equal(report.problems.at(-1)?.row, MAX_REPORTED_PROBLEMS + 1);
    assert.deepEqual(report.problemCounts, { OUT_OF_RANGE: 250 });
    assert.equal(report.rowsRejected, 250);
  });

  it('rejects an over-long line without buffering it, then carries on', async () => {
    const file = temp(
      'long.csv',
      `child_id,sex,birth_date,measurement_date,kind,value,unit,note\nc1,M,2020-01-01,2020-01-02,weight,3,kg,${'x'.repeat(MAX_LINE_CHARS + 10)}\nc1,M,2020-01-01,2020-01-02,weight,3,kg,\n`,
    );
    const { report } = await readCsvCohort(file);
    assert.deepEqual(report.problems, [{ row: 2, field: '*', reason: 'LINE_TOO_LONG' }]);
    assert.equal(report.rowsAccepted, 1);
  });

  it('streams a large file', async () => {
    const file = path.join(dir, 'large.csv');
    const out = createWriteStream(file);
    out.write('child_id,sex,birth_date,measurement_date,kind,value,unit\n');
    const children = 20_000;
    for (let i = 0; i < children; i += 1) {
      out.write(
        `child-${i},${i % 2 === 0 ? 'M' : 'F'},2019-01-01,2020-01-01,weight,${(9 + (i % 7) / 10).toFixed(1)},kg\n`,
      );
      out.write(
        `child-${i},${i % 2 === 0 ? 'M' : 'F'},2019-01-01,2020-07-01,length,${80 + (i % 5)},cm\n`,
      );
    }
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
    const { cohort, report } = await readCsvCohort(file);
    assert.equal(report.rowsAccepted, 2 * children);
    assert.equal(childCount(cohort), children);
    assert.equal(measurementCount(cohort), 2 * children);
    assert.equal(cohort.measurements.ageDays[1], 547);
    assert.equal(cohort.measurements.value[2 * 6 + 0], 9.6);
  });

  it('fails with DATA_NOT_FOUND for a missing file or a directory', async () => {
    await assert.rejects(readCsvCohort(path.join(dir, 'absent.csv')), (error) =>
      hasCode(error, 'DATA_NOT_FOUND'),
    );
    await assert.rejects(readCsvCohort(dir), (error) => hasCode(error, 'DATA_NOT_FOUND'));
  });

  it('fails with CSV_HEADER_INVALID for a missing column, a repeated column or no header', async () => {
    const invalid = (error: unknown): boolean => hasCode(error, 'CSV_HEADER_INVALID');
    await assert.rejects(readCsvCohort(fixture('missing-unit-column.csv')), invalid);
    const repeated = temp(
      'repeated.csv',
      'child_id,sex,birth_date,measurement_date,kind,value,unit,SEX\n',
    );
    await assert.rejects(readCsvCohort(repeated), invalid);
    await assert.rejects(readCsvCohort(temp('empty.csv', '')), invalid);
    await assert.rejects(readCsvCohort(temp('blank.csv', '\n\r\n  \n')), invalid);
    await assert.rejects(readCsvCohort(temp('broken.csv', 'child_id,"sex\n')), invalid);
  });

  it('names the missing column in the message (column names are not patient data)', async () => {
    const error = await readCsvCohort(fixture('missing-unit-column.csv')).catch(
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof Error);
    assert.match(error.message, /\bunit\b/);
  });

  it('accepts a header-only file as an empty cohort', async () => {
    const { cohort, report } = await readCsvCohort(
      temp('header-only.csv', 'child_id,sex,birth_date,measurement_date,kind,value,unit\n'),
    );
    assert.equal(childCount(cohort), 0);
    assert.equal(report.rowsRead, 0);
  });
});
