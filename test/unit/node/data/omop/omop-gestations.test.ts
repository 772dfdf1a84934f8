import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CohortBuilder } from '../../../../../benchmark/cohort-builder.js';
import { MeasurementKind } from '../../../../../benchmark/cohort.js';
import { OmopGestations } from '../../../../../node/data/omop/omop-gestations.js';
import { OmopFileReportBuilder } from '../../../../../node/data/omop/omop-ingest-report.js';
import { readOmopCohort } from '../../../../../node/data/omop/read-omop-cohort.js';
import { measurementRows } from '../../../../helpers/measurement-rows.js';

const { weight } = MeasurementKind;

describe('node/data/omop/OmopGestations', () => {
  it('keeps the first gestational age of a person: the same again is a duplicate, another a conflict', () => {
    const gestations = new OmopGestations();
    assert.equal(gestations.add('1', 259), undefined);
    assert.equal(gestations.add('2', 230), undefined);
    assert.deepEqual(gestations.add('1', 259), [{ field: '*', reason: 'DUPLICATE' }]);
    assert.deepEqual(gestations.add('1', 260), [
      { field: 'value_as_number', reason: 'CONFLICTING_CHILD' },
    ]);
  });

  it("joins them to the cohort's children, counting those of other persons as ignored", () => {
    const builder = new CohortBuilder();
    builder.addChild({ id: '1', sex: 1, birthDay: 0 });
    builder.addChild({ id: '3', sex: 2, birthDay: 0 });
    const gestations = new OmopGestations();
    gestations.add('2', 230); // not a child of the cohort
    gestations.add('1', 259.7);
    const report = new OmopFileReportBuilder('MEASUREMENT.csv');
    const cohort = gestations.joinTo(builder.build(), report);
    assert.deepEqual([...cohort.children.gestationalAgeDays], [Math.fround(259.7), NaN]);
    assert.deepEqual(cohort.children.ids, ['1', '3']);
    assert.deepEqual(report.counts(), {
      file: 'MEASUREMENT.csv',
      rowsRead: 1,
      rowsAccepted: 1,
      rowsRejected: 0,
      rowsIgnored: 1,
    });
  });

  describe('read from MEASUREMENT by readOmopCohort', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(path.join(os.tmpdir(), 'centile-omop-ga-'));
      writeFileSync(
        path.join(dir, 'PERSON.csv'),
        [
          'person_id,gender_concept_id,birth_datetime',
          '1,8507,2020-01-01',
          '2,8532,2019-06-01',
          '3,8532,1990-01-01', // a mother
          '4,8507,2018-01-01', // no growth measurement
          '5,0,2020-01-01', // rejected: BAD_SEX
          '',
        ].join('\n'),
      );
      writeFileSync(
        path.join(dir, 'MEASUREMENT.csv'),
        [
          'person_id,measurement_concept_id,measurement_date,value_as_number,unit_concept_id,unit_source_value',
          '1,3012266,2020-01-01,33.4,8511,wk', // before the child's first growth measurement
          '1,3025315,2020-01-05,2.1,9529,kg',
          '1,3012266,2020-01-01,233.8,8512,d', // the same in days
          '1,3012266,2020-03-01,34,0,wk', // another value
          '2,3025315,2019-06-02,3.3,9529,kg',
          '2,3048230,2019-06-01,50,8511,wk',
          '2,3002209,2019-06-01,39,9529,kg',
          '3,3025315,2015-01-01,60,9529,kg',
          '3,3012266,2015-01-01,12,8511,wk', // her pregnancy at 25 years
          '4,3012266,2018-01-01,38,8511,wk',
          '5,3012266,2020-01-01,38,8511,wk',
          '9,3012266,2020-01-01,38,8511,wk',
          '',
        ].join('\n'),
      );
    });
    after(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    it("joins each child's first gestational age, whatever the row order", async () => {
      const { cohort } = await readOmopCohort(dir);
      assert.deepEqual(cohort.children.ids, ['1', '2', '3']);
      assert.deepEqual([...cohort.children.gestationalAgeDays], [Math.fround(233.8), NaN, NaN]);
      assert.deepEqual(measurementRows(cohort), [
        ['1', 4, weight, 2.1, 0],
        ['2', 1, weight, 3.3, 0],
        ['3', 9131, weight, 60, 0],
      ]);
    });

    it('reports bad, repeated and conflicting gestational ages, and counts unused ones as ignored', async () => {
      const { report } = await readOmopCohort(dir);
      assert.deepEqual(report.files[1], {
        file: 'MEASUREMENT.csv',
        rowsRead: 10,
        rowsAccepted: 4, // child 1's gestational age and the three weights
        rowsRejected: 6,
        rowsIgnored: 2, // the pregnancy, and person 4 who is not a child of the cohort
      });
      assert.deepEqual(
        report.problems
          .filter((problem) => problem.file === 'MEASUREMENT.csv')
          .map(({ row, field, reason }) => [row, field, reason]),
        [
          [4, '*', 'DUPLICATE'],
          [5, 'value_as_number', 'CONFLICTING_CHILD'],
          [7, 'value_as_number', 'OUT_OF_RANGE'],
          [8, 'unit_concept_id', 'UNKNOWN_UNIT'],
          [12, 'person_id', 'PERSON_REJECTED'],
          [13, 'person_id', 'UNKNOWN_PERSON'],
        ],
      );
      assert.equal(report.duplicates, 1);
    });
  });
});
