import { strict as assert } from 'node:assert';
import { cpSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeasurementKind } from '../../../../../benchmark/cohort.js';
import { hasCode } from '../../../../../benchmark/errors.js';
import type { FhirProblem } from '../../../../../node/data/fhir/fhir-ingest-report.js';
import { MAX_BUNDLE_BYTES } from '../../../../../node/data/fhir/read-bundle-file.js';
import { readFhirCohort } from '../../../../../node/data/fhir/read-fhir-cohort.js';
import { MAX_NDJSON_LINE_BYTES } from '../../../../../node/data/fhir/ndjson-lines.js';
import { parseIsoDay } from '../../../../../node/data/parse-iso-day.js';
import { measurementRows } from '../../../../helpers/measurement-rows.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../../fixtures/fhir/${name}`, import.meta.url));
const day = (iso: string): number => parseIsoDay(iso) ?? Number.NaN;
const age = (birth: string, on: string): number => day(on) - day(birth);
const { weight, length, height, headCircumference, bmi } = MeasurementKind;

/** Problems as `file:row:field:reason` (plus `@Type/id` when known), for compact comparison. */
const brief = (problems: readonly FhirProblem[]): string[] =>
  problems.map(
    (p) =>
      `${p.file}:${p.row}:${p.field}:${p.reason}${p.resource === undefined ? '' : `@${p.resource}`}`,
  );

describe('node/data/fhir/readFhirCohort', () => {
  describe('hand-made NDJSON with every quirk (quirks/)', () => {
    const read = () => readFhirCohort(fixture('quirks'));

    it('reads children by US Core birth sex over gender, and gestational age', async () => {
      const { cohort } = await read();
      const { children } = cohort;
      assert.deepEqual(children.ids, ['p1', 'p2', 'p3', 'p14']);
      assert.deepEqual([...children.sex], [2, 2, 1, 1]); // p1: birth sex F, gender male
      assert.deepEqual(
        [...children.birthDay],
        [day('2020-01-01'), day('2020-01-01'), day('2020-01-01'), day('2018-06-15')],
      );
      assert.deepEqual([...children.gestationalAgeDays], [NaN, NaN, 224, NaN]); // 32 wk
    });

    it('converts every unit exactly and decides length vs height by code, position or age', async () => {
      const { cohort } = await read();
      const p1 = (on: string) => age('2020-01-01', on);
      const p14 = (on: string) => age('2018-06-15', on);
      assert.deepEqual(measurementRows(cohort), [
        ['p1', 0, weight, 3.4, 0], // kg
        ['p1', 1, weight, 3.4, 0], // 3400 g
        ['p1', 2, weight, 3.401942775, 0], // 7.5 [lb_av]
        ['p1', 3, weight, 3.62873896, 0], // 8 lb
        ['p1', 4, weight, 3.401942775, 0], // 120 [oz_av]
        ['p1', 5, weight, 3.62873896, 0], // 128 oz
        ['p1', 6, weight, 3.855535145, 0], // 8.5 "lbs" (unit text, no code)
        ['p1', 0, length, 50.2, 0], // 8306-3
        ['p1', 7, length, 51.2, 0], // 512 mm, 8302-2 under 731 days
        ['p1', 8, length, 52, 0], // 0.52 m
        ['p1', 9, length, 52.07, 0], // 20.5 [in_i]
        ['p1', 10, length, 205000 / 3937, 0], // 20.5 [in_us], the US survey inch
        ['p1', 11, length, 53.34, 0], // 21 in
        ['p1', 11, bmi, 13.5, 0],
        ['p1', 0, headCircumference, 35.1, 0], // 9843-4
        ['p1', 12, headCircumference, 35.56, 0], // 8287-5, 14 [in_i]
        ['p1', 13, weight, 3.5, 0], // amended
        ['p1', 14, weight, 3.6, 0], // corrected
        ['p14', 731, height, 90, 1], // 3138-5 stated
        ['p14', 731, weight, 12, 1], // 8335-2 estimated
        ['p14', 732, weight, 12.5, 1], // 3142-7 stated
        ['p14', 733, weight, 12.2, 1], // method: estimated
        ['p14', p14('2021-06-15'), length, 95, 0], // 8306-3 at 3 years is still a length
        ['p1', p1('2020-07-01'), height, 66, 0], // 8308-9 at 6 months is still a height
        ['p1', p1('2020-08-01'), height, 68, 0], // bodyPosition: orthostatic
        ['p14', p14('2021-07-15'), length, 96, 0], // bodyPosition: supine
        ['p14', 730, length, 89, 0], // no position: by age
        ['p14', 731, height, 90.5, 0],
        ['p14', 736, height, 91, 0], // sitting says nothing: by age
        ['p14', p14('2021-01-01'), height, 92, 0], // 3137-7 measured
        ['p2', 31, weight, 4, 0], // urn:uuid:p2
        ['p3', 31, weight, 4.2, 0], // absolute URL with _history
        ['p1', 19, weight, 3.7, 0], // 2020-01-20T23:30:00-08:00: the date as written
        ['p1', 20, weight, 3.75, 0], // effectivePeriod.start
        ['p2', 60, weight, 4.5, 0], // 29463-7 + 3141-9
        ['p2', 91, weight, 5, 0], // estimated first, then measured: measured
      ]);
    });

    it('reports every rejected resource with file, row, resource, field and reason', async () => {
      const { report } = await read();
      const P = 'Patient.ndjson';
      const O = 'Observation.ndjson';
      assert.deepEqual(brief(report.problems), [
        `${P}:4:gender:BAD_SEX@Patient/p4`,
        `${P}:5:gender:MISSING_VALUE@Patient/p5`,
        `${P}:6:birthDate:PARTIAL_DATE@Patient/p6`,
        `${P}:7:birthDate:PARTIAL_DATE@Patient/p7`,
        `${P}:8:birthDate:MISSING_VALUE@Patient/p8`,
        `${P}:9:birthDate:BAD_DATE@Patient/p9`,
        `${P}:11:*:DUPLICATE@Patient/p1`,
        `${P}:12:gender:CONFLICTING_CHILD@Patient/p2`,
        `${P}:12:birthDate:CONFLICTING_CHILD@Patient/p2`,
        `${P}:13:id:MISSING_VALUE`,
        `${O}:17:valueQuantity.code:UNKNOWN_UNIT@Observation/o17`,
        `${O}:18:valueQuantity.code:UNKNOWN_UNIT@Observation/o18`, // a weight in cm
        `${O}:19:valueQuantity.unit:UNKNOWN_UNIT@Observation/o19`,
        `${O}:20:valueQuantity.code:MISSING_VALUE@Observation/o20`,
        `${O}:21:status:ENTERED_IN_ERROR@Observation/o21`,
        `${O}:22:status:NOT_FINAL@Observation/o22`,
        `${O}:23:status:NOT_FINAL@Observation/o23`,
        `${O}:26:dataAbsentReason:VALUE_ABSENT@Observation/o26`,
        `${O}:42:subject:PATIENT_REJECTED@Observation/o42`,
        `${O}:43:subject:UNKNOWN_PATIENT@Observation/o43`, // Group/g1
        `${O}:44:subject:MISSING_VALUE@Observation/o44`,
        `${O}:45:*:DUPLICATE@Observation/o45`,
        `${O}:46:*:DUPLICATE@Observation/o46`, // the same 3.4 kg written as 3400 g
        `${O}:49:effective[x]:MISSING_VALUE@Observation/o49`,
        `${O}:50:effectiveDateTime:PARTIAL_DATE@Observation/o50`,
        `${O}:51:effectiveDateTime:BAD_DATE@Observation/o51`,
        `${O}:52:effective[x]:MEASURED_BEFORE_BIRTH@Observation/o52`,
        `${O}:53:valueQuantity.value:OUT_OF_RANGE@Observation/o53`,
        `${O}:54:valueQuantity.value:BAD_NUMBER@Observation/o54`,
        `${O}:55:valueQuantity.comparator:BAD_NUMBER@Observation/o55`,
        `${O}:56:code:UNKNOWN_KIND@Observation/o56`,
        `${O}:60:*:MALFORMED_ROW`,
        `${O}:61:*:MALFORMED_ROW`,
        `${O}:62:*:MALFORMED_ROW`,
        `${O}:65:*:DUPLICATE@Observation/o60`,
        `${O}:66:valueQuantity.value:CONFLICTING_CHILD@Observation/o61`,
        `${O}:67:valueQuantity.value:OUT_OF_RANGE@Observation/o62`,
        `${O}:69:*:DUPLICATE@Observation/o64`,
        `${O}:71:*:DUPLICATE@Observation/o66`,
        `${O}:41:subject:UNKNOWN_PATIENT@Observation/o41`, // known only once every file is read
      ]);
    });

    it('counts rows, duplicates and what it ignored', async () => {
      const { report } = await read();
      assert.deepEqual(
        {
          rowsRead: report.rowsRead,
          rowsAccepted: report.rowsAccepted,
          rowsRejected: report.rowsRejected,
          duplicates: report.duplicates,
          ignoredObservations: report.ignoredObservations, // percentile, glucose, SNOMED-coded weight
          ignoredResources: report.ignoredResources,
          filesRead: report.filesRead,
          filesIgnored: report.filesIgnored,
        },
        {
          rowsRead: 80,
          rowsAccepted: 41, // 4 children, 36 measurements, 1 gestational age
          rowsRejected: 39,
          duplicates: 6,
          ignoredObservations: 3,
          ignoredResources: { Encounter: 1 },
          filesRead: ['Patient.ndjson', 'Observation.ndjson'],
          filesIgnored: [],
        },
      );
      assert.deepEqual(report.problemCounts, {
        BAD_SEX: 1,
        MISSING_VALUE: 6,
        PARTIAL_DATE: 3,
        BAD_DATE: 2,
        DUPLICATE: 6,
        CONFLICTING_CHILD: 3,
        UNKNOWN_UNIT: 3,
        ENTERED_IN_ERROR: 1,
        NOT_FINAL: 2,
        VALUE_ABSENT: 1,
        PATIENT_REJECTED: 1,
        UNKNOWN_PATIENT: 2,
        MEASURED_BEFORE_BIRTH: 1,
        OUT_OF_RANGE: 2,
        BAD_NUMBER: 2,
        UNKNOWN_KIND: 1,
        MALFORMED_ROW: 3,
      });
    });

    it('never puts a data value in the report', async () => {
      const { report } = await read();
      const text = JSON.stringify(report);
      for (const value of ['2020-01', '3400', '3.4', '"3.4"', 'stone', 'other', 'nobody', 'g1']) {
        assert.equal(text.includes(value), false, value);
      }
    });
  });

  describe('bulk export folders', () => {
    it('reads exactly the files a manifest lists, Patients first, and reports a missing one', async () => {
      const { cohort, report } = await readFhirCohort(fixture('bulk-manifest'));
      assert.deepEqual(cohort.children.ids, ['a1', 'a2']);
      assert.deepEqual(measurementRows(cohort), [
        ['a1', 0, weight, 3.2, 0],
        ['a1', 0, length, 49.5, 0],
        ['a1', 184, weight, 9.1, 0],
        ['a2', 731, weight, 9.97903214, 0], // 22 [lb_av]
        ['a2', 731, height, 85.09, 0], // 33.5 [in_i], 8302-2 at 731 days
      ]);
      assert.deepEqual(report.filesRead, [
        'manifest.json',
        'Patient.000.ndjson',
        'Observation.000.ndjson',
        'Observation.001.ndjson',
      ]);
      assert.deepEqual(report.filesIgnored, [
        'Encounter.000.ndjson', // not in the manifest
        'log.ndjson',
        'OperationOutcome.000.ndjson', // the export's errors, not data
      ]);
      assert.deepEqual(brief(report.problems), ['Observation.002.ndjson:0:*:FILE_MISSING']);
      assert.deepEqual([report.rowsRead, report.rowsAccepted, report.rowsRejected], [8, 7, 1]);
    });

    it('a manifest file given as the path stands for its folder', async () => {
      const { report } = await readFhirCohort(fixture('bulk-manifest/manifest.json'));
      assert.equal(report.file, 'manifest.json');
      assert.equal(report.filesRead.length, 4);
      assert.equal(report.rowsAccepted, 7);
    });

    it('without a manifest reads every NDJSON file in numeric order, skipping the export log', async () => {
      const { cohort, report } = await readFhirCohort(fixture('bulk-no-manifest'));
      assert.deepEqual(report.filesRead, [
        'Patient.ndjson',
        'Observation.000.ndjson',
        'Observation.001.ndjson',
        'Observation.010.ndjson',
        'people.ndjson',
      ]);
      assert.deepEqual(report.filesIgnored, ['log.ndjson', 'README.txt']);
      assert.deepEqual(cohort.children.ids, ['b1', 'b2']);
      // b2's Patient comes after its observation: held back, then placed.
      assert.deepEqual(measurementRows(cohort), [
        ['b1', 0, weight, 3.1, 0],
        ['b1', 31, weight, 4, 0],
        ['b1', 0, headCircumference, 36, 0],
        ['b2', 40, weight, 5, 0],
      ]);
      assert.deepEqual(report.problems, []);
    });

    it('reads one NDJSON file on its own', async () => {
      const { cohort, report } = await readFhirCohort(fixture('quirks/Patient.ndjson'));
      assert.deepEqual(cohort.children.ids, ['p1', 'p2', 'p3', 'p14']);
      assert.equal(cohort.measurements.child.length, 0);
      assert.equal(report.rowsRejected, 9);
    });
  });

  describe('Bundles', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'centile-fhir-bundles-'));
    });
    after(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it('resolves urn:uuid through fullUrl, across files and in any order', async () => {
      // The fixture plus a truncated file (kept out of the repo, where the formatter would trip on it).
      const at = path.join(dir, 'bundles');
      cpSync(fixture('bundles'), at, { recursive: true });
      writeFileSync(path.join(at, 'd-broken.json'), '{"resourceType": "Bundle", "entry": [\n');
      const { cohort, report } = await readFhirCohort(at);
      const u2 = 'urn:uuid:22222222-2222-4222-8222-222222222222';
      assert.deepEqual(cohort.children.ids, ['pa', u2, 'pc', 'pd']);
      assert.deepEqual([...cohort.children.sex], [2, 1, 1, 2]);
      assert.deepEqual(measurementRows(cohort), [
        ['pa', 0, weight, 3.3, 0],
        [u2, 0, weight, 3.5, 0], // a Patient without id is known by its fullUrl
        ['pc', 184, weight, 6.1, 0],
        ['pa', 123, headCircumference, 41.5, 0], // urn:uuid of a Patient in another Bundle
        ['pc', 186, length, 60, 0], // urn:uuid of a Patient in a later Bundle
      ]);
      assert.deepEqual(brief(report.problems), [
        'd-broken.json:0:*:MALFORMED_ROW',
        'e-not-fhir.json:0:*:MALFORMED_ROW',
      ]);
      assert.deepEqual(report.ignoredResources, { Encounter: 1 });
      assert.deepEqual(report.filesIgnored, ['notes.txt']);
      assert.deepEqual([report.rowsRead, report.rowsAccepted, report.rowsRejected], [11, 9, 2]);
    });

    it('reads a single Bundle file; a reference it cannot resolve is reported', async () => {
      const { cohort, report } = await readFhirCohort(fixture('bundles/a-transaction.json'));
      assert.equal(report.file, 'a-transaction.json');
      assert.equal(cohort.measurements.child.length, 2);
      assert.deepEqual(brief(report.problems), [
        'a-transaction.json:5:subject:UNKNOWN_PATIENT@Observation/ba3',
      ]);
    });
  });

  describe('errors and limits', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'centile-fhir-'));
    });
    after(() => {
      rmSync(dir, { recursive: true, force: true });
    });
    const folder = (name: string, files: Record<string, string>): string => {
      const at = path.join(dir, name);
      mkdirSync(at);
      for (const [file, text] of Object.entries(files)) writeFileSync(path.join(at, file), text);
      return at;
    };
    const rejects = (promise: Promise<unknown>, code: string) =>
      assert.rejects(promise, (error: unknown) => hasCode(error, code));

    it('DATA_NOT_FOUND for a missing path', async () => {
      await rejects(readFhirCohort(path.join(dir, 'nope')), 'DATA_NOT_FOUND');
    });

    it('FHIR_NO_FILES for a folder without NDJSON or JSON', async () => {
      await rejects(readFhirCohort(folder('empty', { 'a.csv': 'x\n' })), 'FHIR_NO_FILES');
    });

    it('FHIR_MANIFEST_INVALID for two manifests or a bad output list', async () => {
      const manifest = JSON.stringify({ transactionTime: 't', output: [] });
      await rejects(
        readFhirCohort(folder('two', { 'a.json': manifest, 'b.json': manifest })),
        'FHIR_MANIFEST_INVALID',
      );
      const bad = JSON.stringify({ transactionTime: 't', output: {} });
      await rejects(readFhirCohort(folder('bad', { 'm.json': bad })), 'FHIR_MANIFEST_INVALID');
      const noUrl = JSON.stringify({ output: [{ type: 'Patient' }] });
      await rejects(readFhirCohort(folder('no-url', { 'm.json': noUrl })), 'FHIR_MANIFEST_INVALID');
    });

    it('accepts CRLF, a byte order mark and no final newline; rejects an over-long line unread', async () => {
      const patient =
        '{"resourceType":"Patient","id":"k","gender":"male","birthDate":"2020-01-01"}';
      const long = `{"resourceType":"Observation","note":"${'x'.repeat(MAX_NDJSON_LINE_BYTES)}"}`;
      const at = folder('crlf', {
        'Patient.ndjson': `\uFEFF${patient}\r\n\r\n${long}\r\n${patient}`,
      });
      const { cohort, report } = await readFhirCohort(at);
      assert.deepEqual(cohort.children.ids, ['k']);
      assert.deepEqual(brief(report.problems), [
        'Patient.ndjson:3:*:LINE_TOO_LONG',
        'Patient.ndjson:4:*:DUPLICATE@Patient/k',
      ]);
    });

    it('ignores a mother’s pregnancy gestational ages, and reads a child’s own', async () => {
      const ga = (id: string, subject: string, date: string, weeks: number) =>
        JSON.stringify({
          resourceType: 'Observation',
          id,
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '18185-9' }] },
          subject: { reference: `Patient/${subject}` },
          effectiveDateTime: date,
          valueQuantity: {
            value: weeks,
            unit: 'wk',
            system: 'http://unitsofmeasure.org',
            code: 'wk',
          },
        });
      const patient = (id: string, gender: string, birthDate: string) =>
        JSON.stringify({ resourceType: 'Patient', id, gender, birthDate });
      const at = folder('pregnancy', {
        'Patient.ndjson': [
          patient('mum', 'female', '1990-03-01'),
          patient('baby', 'male', '2020-06-01'),
        ].join('\n'),
        'Observation.ndjson': [
          ga('p1', 'mum', '2020-01-10', 20),
          ga('p2', 'mum', '2020-05-20', 39),
          ga('b1', 'baby', '2020-06-01', 36),
        ].join('\n'),
      });
      const { cohort, report } = await readFhirCohort(at);
      assert.deepEqual(report.problems, []);
      assert.equal(report.ignoredObservations, 2);
      const weeks = Array.from(cohort.children.gestationalAgeDays, (days) => days / 7);
      assert.deepEqual(cohort.children.ids, ['mum', 'baby']);
      assert.ok(Number.isNaN(weeks[0]));
      assert.equal(weeks[1], 36);
    });

    it('a Bundle over the size limit is reported, not read', async () => {
      // A sparse file: its size is over the limit without writing the bytes.
      const at = folder('huge', {});
      const file = path.join(at, 'big.json');
      writeFileSync(file, '');
      truncateSync(file, MAX_BUNDLE_BYTES + 1);
      const { report } = await readFhirCohort(at);
      assert.deepEqual(brief(report.problems), ['big.json:0:*:FILE_TOO_LARGE']);
    });
  });
});
