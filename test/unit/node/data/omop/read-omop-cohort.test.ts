import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeasurementKind, childCount, measurementCount } from '../../../../../benchmark/cohort.js';
import type { Cohort } from '../../../../../benchmark/cohort.js';
import { hasCode } from '../../../../../benchmark/errors.js';
import { MAX_REPORTED_PROBLEMS } from '../../../../../node/data/ingest-report.js';
import { readOmopCohort } from '../../../../../node/data/omop/read-omop-cohort.js';
import { MAX_LINE_CHARS } from '../../../../../node/data/omop/read-omop-table.js';
import { measurementRows } from '../../../../helpers/measurement-rows.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../../fixtures/${name}`, import.meta.url));
const day = (iso: string): number =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) /
  86_400_000;
const { weight, length, height, headCircumference, bmi } = MeasurementKind;

/** Measurements per kind, indexed by `MeasurementKind`. */
function countByKind(cohort: Cohort, maxAgeDays = Infinity): number[] {
  const counts = [0, 0, 0, 0, 0];
  cohort.measurements.kind.forEach((kind, i) => {
    if ((cohort.measurements.ageDays[i] ?? 0) < maxAgeDays) counts[kind] = (counts[kind] ?? 0) + 1;
  });
  return counts;
}

describe('node/data/omop/readOmopCohort', () => {
  describe('the Eunomia Synthea27Nj sample (OMOP CDM v5.4)', () => {
    it('reads every person and growth measurement, ignoring the other concepts', async () => {
      const { cohort, report } = await readOmopCohort(
        fixture('external-data/eunomia-synthea27nj-omop54'),
      );
      assert.deepEqual(report, {
        file: 'eunomia-synthea27nj-omop54',
        rowsRead: 28 + 1526,
        rowsAccepted: 28 + 1526,
        rowsRejected: 0,
        rowsIgnored: 8514,
        duplicates: 0,
        files: [
          { file: 'PERSON.csv', rowsRead: 28, rowsAccepted: 28, rowsRejected: 0, rowsIgnored: 0 },
          {
            file: 'MEASUREMENT.csv',
            rowsRead: 1526,
            rowsAccepted: 1526,
            rowsRejected: 0,
            rowsIgnored: 8514,
          },
        ],
        problems: [],
        problemCounts: {},
      });
      assert.equal(childCount(cohort), 28);
      assert.equal(measurementCount(cohort), 1526);
      // 496 heights: the 58 taken before the second birthday are lengths.
      assert.deepEqual(countByKind(cohort), [511, 58, 438, 81, 438]);
      assert.equal(cohort.children.sex.filter((sex) => sex === 1).length, 15);
      assert.equal(cohort.children.sex.filter((sex) => sex === 2).length, 13);
      assert.equal(cohort.measurements.estimated.indexOf(1), -1);
    });

    it('agrees with the counts the sample README publishes for ages under 18', async () => {
      const { cohort } = await readOmopCohort(fixture('external-data/eunomia-synthea27nj-omop54'));
      const under18 = 6574; // 18 × 365.25 days, rounded down
      const [w = 0, l = 0, h = 0, hc = 0, b = 0] = countByKind(cohort, under18);
      assert.deepEqual([w, l + h, b, hc], [198, 197, 139, 81]);
      const children = new Set(
        Array.from(cohort.measurements.child).filter(
          (_, i) => (cohort.measurements.ageDays[i] ?? 0) < under18,
        ),
      );
      assert.equal(children.size, 14);
    });

    it('keeps birth dates, ages and values exact', async () => {
      const { cohort } = await readOmopCohort(fixture('external-data/eunomia-synthea27nj-omop54'));
      assert.equal(cohort.children.ids[0], '1');
      assert.equal(cohort.children.birthDay[0], day('1998-04-09'));
      assert.equal(cohort.children.birthDay[1], day('2014-10-22'));
      // MEASUREMENT.csv rows 1, 3 and 4: person 1's weight on 2013-05-17, weight and BMI on 2015-05-29.
      assert.deepEqual(measurementRows(cohort).slice(0, 3), [
        ['1', day('2013-05-17') - day('1998-04-09'), weight, 48.1, 0],
        ['1', day('2015-05-29') - day('1998-04-09'), weight, 58.6, 0],
        ['1', day('2015-05-29') - day('1998-04-09'), bmi, 21.2, 0],
      ]);
      const totalKg = cohort.measurements.value
        .filter((_, i) => cohort.measurements.kind[i] === weight)
        .reduce((sum, kg) => sum + kg, 0);
      assert.ok(Math.abs(totalKg - 31672.7) < 1e-6);
    });
  });

  describe('hand-made quirks (test/fixtures/omop/quirks)', () => {
    it('accepts valid rows with every concept, unit and date form, converted exactly', async () => {
      const { cohort } = await readOmopCohort(fixture('omop/quirks'));
      assert.deepEqual(cohort.children.ids, ['1', '2', '10', '11']);
      assert.deepEqual([...cohort.children.sex], [1, 2, 1, 2]);
      assert.deepEqual(
        [...cohort.children.birthDay],
        [day('2020-01-15'), day('2019-06-01'), day('2019-03-03'), day('2017-01-02')],
      );
      assert.ok(cohort.children.gestationalAgeDays.every(Number.isNaN));
      assert.deepEqual(measurementRows(cohort), [
        ['1', 0, weight, 3.4, 0],
        ['1', 182, length, 50.2, 0],
        ['1', 182, headCircumference, 43.5, 0],
        ['1', 182, weight, 7.9, 0], // 7900 g
        ['2', 731, height, 86.1, 0], // second birthday: standing
        ['2', 730, length, 85.09, 0], // the day before: lying; 33.5 [in_i]
        ['2', 731, bmi, 16.2, 0],
        ['2', 732, height, 87, 1], // 0.87 m, stated
        ['2', 732, weight, 11.79340162, 1], // 26 lb (8739), stated
        ['2', 733, weight, 11.33980925, 1], // 400 oz, estimated
        ['2', 734, weight, 12.1, 0], // unit_concept_id 0 → unit_source_value KG
        ['2', 734, height, 86.36, 0], // 34 [in_us] from the source value
        ['10', 1, weight, 3.1, 0], // date from measurement_datetime
        ['11', 0, weight, 3.3, 0], // ISO datetime in measurement_date
      ]);
    });

    it('reports every rejected PERSON row with row, field and reason', async () => {
      const { report } = await readOmopCohort(fixture('omop/quirks'));
      assert.deepEqual(report.files[0], {
        file: 'PERSON.csv',
        rowsRead: 17,
        rowsAccepted: 4,
        rowsRejected: 13,
        rowsIgnored: 0,
      });
      const person = report.problems.filter((problem) => problem.file === 'PERSON.csv');
      assert.deepEqual(
        person.map(({ row, field, reason }) => [row, field, reason]),
        [
          [4, 'month_of_birth', 'MISSING_VALUE'], // year only: no exact age
          [4, 'day_of_birth', 'MISSING_VALUE'],
          [5, 'gender_concept_id', 'BAD_SEX'], // 0
          [6, 'gender_concept_id', 'BAD_SEX'], // 8551 unknown
          [7, 'gender_concept_id', 'MISSING_VALUE'],
          [9, 'day_of_birth', 'BAD_DATE'], // 30 February (line 8 is blank)
          [10, 'month_of_birth', 'BAD_DATE'],
          [11, 'birth_datetime', 'BAD_DATE'],
          [13, 'person_id', 'DUPLICATE'],
          [14, 'person_id', 'CONFLICTING_CHILD'],
          [15, 'person_id', 'MISSING_VALUE'],
          [17, '*', 'MALFORMED_ROW'],
          [18, 'year_of_birth', 'BAD_DATE'], // two-digit year
          [19, 'month_of_birth', 'BAD_NUMBER'],
        ],
      );
    });

    it('reports every rejected MEASUREMENT row, and counts other concepts as ignored', async () => {
      const { report } = await readOmopCohort(fixture('omop/quirks'));
      assert.deepEqual(report.files[1], {
        file: 'MEASUREMENT.csv',
        rowsRead: 37,
        rowsAccepted: 14,
        rowsRejected: 23,
        rowsIgnored: 2,
      });
      const measurement = report.problems.filter((problem) => problem.file === 'MEASUREMENT.csv');
      assert.deepEqual(
        measurement.map(({ row, field, reason }) => [row, field, reason]),
        [
          [6, '*', 'DUPLICATE'], // 7.9 kg again, after 7900 g
          [16, 'value_as_number', 'MISSING_VALUE'],
          [17, 'value_as_number', 'BAD_NUMBER'],
          [18, 'unit_concept_id', 'UNKNOWN_UNIT'],
          [19, 'unit_source_value', 'UNKNOWN_UNIT'],
          [20, 'unit_source_value', 'MISSING_VALUE'],
          [21, 'unit_concept_id', 'UNKNOWN_UNIT'], // cm for a weight
          [22, 'value_as_number', 'OUT_OF_RANGE'],
          [23, 'measurement_date', 'MEASURED_BEFORE_BIRTH'],
          [24, 'person_id', 'UNKNOWN_PERSON'],
          [25, 'person_id', 'PERSON_REJECTED'], // year-only birth date
          [26, 'measurement_date', 'BAD_DATE'],
          [27, 'measurement_date', 'MISSING_VALUE'],
          [30, '*', 'MALFORMED_ROW'],
          [31, 'person_id', 'MISSING_VALUE'],
          [32, 'value_as_number', 'BAD_NUMBER'], // decimal comma
          [33, 'value_as_number', 'OUT_OF_RANGE'],
          [34, 'person_id', 'PERSON_REJECTED'],
          [36, 'value_as_number', 'BAD_NUMBER'], // all problems of one row
          [36, 'unit_concept_id', 'UNKNOWN_UNIT'],
          [36, 'measurement_date', 'MEASURED_BEFORE_BIRTH'],
          [37, 'person_id', 'UNKNOWN_PERSON'], // its PERSON row was malformed
          [38, '*', 'DUPLICATE'], // same day and value under another height concept
          [39, '*', 'MALFORMED_ROW'], // unterminated quote
          [40, '*', 'DUPLICATE'],
        ],
      );
    });

    it('totals both files and counts problems by reason', async () => {
      const { report } = await readOmopCohort(fixture('omop/quirks'));
      assert.equal(report.file, 'quirks');
      assert.deepEqual(
        [report.rowsRead, report.rowsAccepted, report.rowsRejected, report.rowsIgnored],
        [17 + 37, 4 + 14, 13 + 23, 2],
      );
      assert.equal(report.duplicates, 4);
      assert.deepEqual(report.problemCounts, {
        MISSING_VALUE: 8,
        BAD_SEX: 2,
        BAD_DATE: 5,
        BAD_NUMBER: 4,
        DUPLICATE: 4,
        CONFLICTING_CHILD: 1,
        MALFORMED_ROW: 3,
        UNKNOWN_UNIT: 4,
        OUT_OF_RANGE: 2,
        MEASURED_BEFORE_BIRTH: 2,
        UNKNOWN_PERSON: 2,
        PERSON_REJECTED: 2,
      });
      assert.ok(Object.isFrozen(report) && Object.isFrozen(report.problems));
    });
  });

  it('reads tab-separated tables with other file-name case, BOM, CRLF and columns', async () => {
    const { cohort, report } = await readOmopCohort(fixture('omop/tab-separated'));
    assert.deepEqual(cohort.children.ids, ['a1']);
    assert.deepEqual([...cohort.children.birthDay], [day('2020-02-29')]);
    assert.deepEqual(measurementRows(cohort), [
      ['a1', 1, weight, 4.2, 0],
      ['a1', 1, length, 52, 0],
    ]);
    assert.deepEqual(report.files, [
      { file: 'person.tsv', rowsRead: 3, rowsAccepted: 1, rowsRejected: 2, rowsIgnored: 0 },
      { file: 'Measurement.TSV', rowsRead: 4, rowsAccepted: 2, rowsRejected: 2, rowsIgnored: 0 },
    ]);
    assert.deepEqual(report.problems, [
      { file: 'person.tsv', row: 3, field: 'birth_datetime', reason: 'MISSING_VALUE' },
      { file: 'person.tsv', row: 4, field: '*', reason: 'MALFORMED_ROW' },
      { file: 'Measurement.TSV', row: 5, field: '*', reason: 'MALFORMED_ROW' },
      { file: 'Measurement.TSV', row: 6, field: 'person_id', reason: 'PERSON_REJECTED' },
    ]);
  });

  describe('folders and files that cannot be read', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'centile-omop-'));
    });
    after(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const PERSON = 'person_id,gender_concept_id,birth_datetime\n1,8507,2020-01-01\n';
    const MEASUREMENT =
      'person_id,measurement_concept_id,measurement_date,value_as_number,unit_source_value\n';
    const folder = (name: string, files: Record<string, string>): string => {
      const at = path.join(dir, name);
      mkdirSync(at);
      for (const [file, content] of Object.entries(files))
        writeFileSync(path.join(at, file), content);
      return at;
    };
    const rejectsWith = (code: string) => (error: unknown) => hasCode(error, code);

    it('refuses a missing folder, or a file, as DATA_NOT_FOUND', async () => {
      await assert.rejects(readOmopCohort(path.join(dir, 'nope')), rejectsWith('DATA_NOT_FOUND'));
      const file = path.join(dir, 'file.csv');
      writeFileSync(file, PERSON);
      await assert.rejects(readOmopCohort(file), rejectsWith('DATA_NOT_FOUND'));
    });

    it('names a missing or doubled table', async () => {
      const noMeasurement = folder('no-measurement', { 'PERSON.csv': PERSON });
      await assert.rejects(readOmopCohort(noMeasurement), rejectsWith('OMOP_TABLE_MISSING'));
      const noPerson = folder('no-person', {
        'MEASUREMENT.csv': MEASUREMENT,
        'PERSON.txt': PERSON,
      });
      await assert.rejects(readOmopCohort(noPerson), rejectsWith('OMOP_TABLE_MISSING'));
      const twice = folder('twice', {
        'PERSON.csv': PERSON,
        'person.tsv': PERSON,
        'MEASUREMENT.csv': MEASUREMENT,
      });
      await assert.rejects(readOmopCohort(twice), rejectsWith('OMOP_TABLE_AMBIGUOUS'));
    });

    it('refuses a header without the required columns, or no header', async () => {
      const cases: Array<[string, Record<string, string>]> = [
        [
          'no-gender',
          { 'PERSON.csv': 'person_id,birth_datetime\n', 'MEASUREMENT.csv': MEASUREMENT },
        ],
        [
          'year-only-columns',
          {
            'PERSON.csv': 'person_id,gender_concept_id,year_of_birth\n',
            'MEASUREMENT.csv': MEASUREMENT,
          },
        ],
        [
          'no-unit',
          {
            'PERSON.csv': PERSON,
            'MEASUREMENT.csv':
              'person_id,measurement_concept_id,measurement_date,value_as_number\n',
          },
        ],
        ['empty', { 'PERSON.csv': PERSON, 'MEASUREMENT.csv': '\n\n' }],
        ['twice', { 'PERSON.csv': 'person_id,PERSON_ID,gender_concept_id,birth_datetime\n' }],
      ];
      for (const [name, files] of cases) {
        const at = folder(`header-${name}`, { 'MEASUREMENT.csv': MEASUREMENT, ...files });
        await assert.rejects(readOmopCohort(at), rejectsWith('CSV_HEADER_INVALID'), name);
      }
    });

    it('rejects an over-long line without reading it into memory', async () => {
      const long = `1,3025315,2020-02-01,${'9'.repeat(MAX_LINE_CHARS)},kg\n`;
      const at = folder('long-line', {
        'PERSON.csv': PERSON,
        'MEASUREMENT.csv': `${MEASUREMENT}${long}1,3025315,2020-02-01,4.1,kg\n`,
      });
      const { cohort, report } = await readOmopCohort(at);
      assert.deepEqual(measurementRows(cohort), [['1', 31, weight, 4.1, 0]]);
      assert.deepEqual(report.problems, [
        { file: 'MEASUREMENT.csv', row: 2, field: '*', reason: 'LINE_TOO_LONG' },
      ]);
    });

    it('lists the first problems of each file and counts all of them', async () => {
      const persons = Array.from({ length: 300 }, (_, i) => `p${i},0,2020-01-01\n`).join('');
      const measurements = Array.from({ length: 300 }, () => '1,3025315,2020-02-01,,kg\n').join('');
      const at = folder('many', {
        'PERSON.csv': `${PERSON}${persons}`,
        'MEASUREMENT.csv': `${MEASUREMENT}${measurements}`,
      });
      const { report } = await readOmopCohort(at);
      assert.equal(report.problems.length, 2 * MAX_REPORTED_PROBLEMS);
      assert.equal(report.problems[MAX_REPORTED_PROBLEMS]?.file, 'MEASUREMENT.csv');
      assert.deepEqual(report.problemCounts, { BAD_SEX: 300, MISSING_VALUE: 300 });
      assert.equal(report.rowsRejected, 600);
    });
  });
});
