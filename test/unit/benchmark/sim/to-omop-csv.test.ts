import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { hasCode } from '../../../../benchmark/errors.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import { SimUnit } from '../../../../benchmark/sim/sim-units.js';
import { toLongCsv } from '../../../../benchmark/sim/to-long-csv.js';
import {
  OMOP_MEASUREMENT_HEADER,
  OMOP_PERSON_HEADER,
  toOmopCsv,
} from '../../../../benchmark/sim/to-omop-csv.js';
import { smallCohort as sharedSmallCohort } from './small-cohort.js';

const smallCohort = (): Cohort => sharedSmallCohort('odd,"id"', 260);

/** Splits a row written by `toOmopCsv` (only person_source_value may be quoted). */
function fields(line: string): string[] {
  return line
    .trimEnd()
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((f) => (f.startsWith('"') ? f.slice(1, -1).replace(/""/g, '"') : f));
}

/** Rows of a table as objects keyed by its header. */
function rows(lines: string[]): Record<string, string>[] {
  const header = fields(lines[0] ?? '');
  return lines.slice(1).map((line) => {
    const values = fields(line);
    assert.equal(values.length, header.length, line);
    return Object.fromEntries(header.map((name, i) => [name, values[i] ?? '']));
  });
}

describe('sim/to-omop-csv', () => {
  it('writes PERSON with every CDM v5.4 column', () => {
    const { person } = toOmopCsv(smallCohort());
    assert.equal(OMOP_PERSON_HEADER.split(',').length, 18);
    assert.deepEqual(person, [
      `${OMOP_PERSON_HEADER}\n`,
      '1,8507,2020,1,1,2020-01-01 00:00:00,0,0,,,,S1-000001,M,0,,0,,0\n',
      '2,8532,2019,1,1,2019-01-01 00:00:00,0,0,,,,"odd,""id""",F,0,,0,,0\n',
    ]);
    assert.equal(rows(person)[1]?.person_source_value, 'odd,"id"');
  });

  it('writes MEASUREMENT with concepts, EHR type, units and the LOINC source value', () => {
    const { measurement } = toOmopCsv(smallCohort());
    assert.equal(OMOP_MEASUREMENT_HEADER.split(',').length, 23);
    assert.equal(
      measurement[1],
      '1,1,3025315,2020-01-04,2020-01-04 00:00:00,,32817,,3.45,,9529,,,,,,29463-7,0,kg,,3.45,,\n',
    );
    const pick = (r: Record<string, string>) => [
      r.measurement_id,
      r.person_id,
      r.measurement_concept_id,
      r.measurement_date,
      r.value_as_number,
      r.unit_concept_id,
      r.unit_source_value,
      r.measurement_source_value,
    ];
    assert.deepEqual(rows(measurement).map(pick), [
      ['1', '1', '3025315', '2020-01-04', '3.45', '9529', 'kg', '29463-7'],
      ['2', '1', '3036277', '2020-01-04', '50.2', '8582', 'cm', '8306-3'], // length
      ['3', '1', '3000053', '2020-03-01', '38.1', '8582', 'cm', '9843-4'],
      ['4', '2', '3026600', '2021-03-01', '12.5', '9529', 'kg', '8335-2'], // estimated weight
      ['5', '2', '3036277', '2021-03-01', '88', '8582', 'cm', '8302-2'], // height
      ['6', '2', '3038553', '2021-03-01', '16.14', '9531', 'kg/m2', '39156-5'],
      ['7', '1', '3012266', '2020-01-01', '37.1', '8511', 'wk', '18185-9'], // gestational age
    ]);
  });

  it('writes a recorded gestational age as a MEASUREMENT row in weeks, dated the birth day', () => {
    const { measurement } = toOmopCsv(smallCohort());
    assert.equal(measurement.length, 1 + 6 + 1); // header, measurements, one gestational age
    assert.equal(
      measurement[7],
      '7,1,3012266,2020-01-01,2020-01-01 00:00:00,,32817,,37.1,,8511,,,,,,18185-9,0,wk,,37.1,,\n',
    );
  });

  it('writes the recorded units with their unit concepts', () => {
    const units = Uint8Array.from([SimUnit.g, SimUnit.in, SimUnit.in, SimUnit.lb, 3, 5]);
    const { measurement } = toOmopCsv(smallCohort(), { units });
    assert.deepEqual(
      rows(measurement).map((r) => [r.value_as_number, r.unit_concept_id, r.unit_source_value]),
      [
        ['3450', '8504', 'g'],
        ['19.76', '9327', '[in_i]'],
        ['15', '9327', '[in_i]'],
        ['27.56', '8739', '[lb_av]'],
        ['88', '8582', 'cm'],
        ['16.14', '9531', 'kg/m2'],
        ['37.1', '8511', 'wk'], // gestational age: always weeks
      ],
    );
    assert.throws(
      () => toOmopCsv(smallCohort(), { units: Uint8Array.from([3, 3, 3, 0, 3, 5]) }),
      (e: unknown) => hasCode(e, 'SIM_UNITS_MISMATCH'),
    );
  });

  it('writes a Sim site with the unit mix, values equal to the long CSV', () => {
    const { cohort, units } = generateSimSite(SIM_SITES.urban, {
      children: 200,
      seed: 'omop-units',
      unitMix: true,
    });
    assert.ok(units !== undefined);
    const { person, measurement } = toOmopCsv(cohort, { units });
    const people = rows(person);
    const measured = rows(measurement);
    const csv = toLongCsv(cohort, { units }).slice(1);
    const measurementCount = cohort.measurements.child.length;
    assert.equal(people.length, cohort.children.ids.length);
    const unitPairs = new Set<string>();
    measured.slice(0, measurementCount).forEach((r, i) => {
      const csvRow = csv[i]?.split(',') ?? [];
      assert.equal(r.value_as_number, csvRow[6]);
      assert.equal(r.value_source_value, csvRow[6]);
      assert.equal(people[Number(r.person_id) - 1]?.person_source_value, csvRow[0]);
      assert.equal(r.measurement_date, csvRow[4]);
      unitPairs.add(`${r.unit_concept_id}:${r.unit_source_value}`);
    });
    assert.deepEqual(
      [...unitPairs].sort(),
      ['8504:g', '8582:cm', '8739:[lb_av]', '9327:[in_i]', '9529:kg', '9531:kg/m2'].sort(),
    );
    // Then one row per recorded gestational age, in the long CSV's weeks, ids counting on.
    const csvWeeks = new Map(csv.map((line) => line.split(',')).map((f) => [f[0], f[3]]));
    const gestations = measured.slice(measurementCount);
    const recorded = cohort.children.gestationalAgeDays.filter((d) => !Number.isNaN(d)).length;
    assert.ok(recorded > 100);
    assert.equal(gestations.length, recorded);
    gestations.forEach((r, i) => {
      const person = people[Number(r.person_id) - 1];
      assert.equal(r.measurement_id, String(measurementCount + 1 + i));
      assert.equal(r.measurement_concept_id, '3012266');
      assert.equal(r.measurement_date, person?.birth_datetime?.slice(0, 10));
      assert.equal(Number(r.value_as_number), Number(csvWeeks.get(person?.person_source_value)));
      assert.equal(`${r.unit_concept_id}:${r.unit_source_value}`, '8511:wk');
    });
  });

  it('gives the same bytes for the same seed, and different bytes for another', () => {
    const run = (seed: string) => {
      const site = generateSimSite(SIM_SITES.lowland, { children: 150, seed, unitMix: true });
      const { person, measurement } = toOmopCsv(
        site.cohort,
        site.units ? { units: site.units } : {},
      );
      return createHash('sha256')
        .update(person.join(''))
        .update('\0')
        .update(measurement.join(''))
        .digest('hex');
    };
    assert.equal(run('same'), run('same'));
    assert.notEqual(run('same'), run('other'));
  });
});
