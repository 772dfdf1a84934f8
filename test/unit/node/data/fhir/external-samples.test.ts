import { strict as assert } from 'node:assert';
import { fileURLToPath } from 'node:url';
import { MeasurementKind } from '../../../../../benchmark/cohort.js';
import type { Cohort } from '../../../../../benchmark/cohort.js';
import { readFhirCohort } from '../../../../../node/data/fhir/read-fhir-cohort.js';

const sample = (name: string): string =>
  fileURLToPath(new URL(`../../../../fixtures/external-data/${name}`, import.meta.url));

/** Measurements per kind, by name. */
function kinds(cohort: Cohort): Record<string, number> {
  const counts = { weight: 0, length: 0, height: 0, headCircumference: 0, bmi: 0 };
  const names = Object.keys(MeasurementKind) as Array<keyof typeof MeasurementKind>;
  for (const kind of cohort.measurements.kind) {
    const name = names.find((key) => MeasurementKind[key] === kind);
    if (name !== undefined) counts[name] += 1;
  }
  return counts;
}

/*
 * Expected counts were derived independently of this adapter (a short script
 * over the raw JSON), and agree with the samples' manifest.csv: 143 heights
 * (8302-2), 143 weights (29463-7) and 81 BMIs (39156-5), all in cm, kg and
 * kg/m2, for 15 children; 62 of the heights were taken before 731 days of
 * age and so are recumbent lengths.
 */
describe('node/data/fhir/readFhirCohort on the shared external samples', () => {
  it('SMART R4 Synthea children: 15 transaction Bundles, urn:uuid references', async () => {
    const { cohort, report } = await readFhirCohort(sample('smart-r4-synthea-children/bundles'));
    assert.equal(cohort.children.ids.length, 15);
    assert.equal([...cohort.children.sex].filter((sex) => sex === 1).length, 9); // 9 boys, 6 girls
    assert.deepEqual(kinds(cohort), {
      weight: 143,
      length: 62,
      height: 81,
      headCircumference: 0,
      bmi: 81,
    });
    assert.deepEqual(
      [report.rowsRead, report.rowsAccepted, report.rowsRejected, report.duplicates],
      [382, 382, 0, 0],
    );
    assert.equal(report.ignoredObservations, 696); // vital signs, labs, surveys: not growth
    assert.equal(report.ignoredResources.Encounter, 188);
    assert.equal(report.filesRead.length, 15);
    assert.equal(
      cohort.measurements.estimated.every((flag) => flag === 0),
      true,
    );
  });

  it('Inferno US Core fixtures: value-less and repeated observations are reported', async () => {
    const { cohort, report } = await readFhirCohort(
      sample('inferno-uscore-pediatric-profile-fixtures'),
    );
    // Adults born in 1940: not growth data, but every code and edge case of US Core.
    assert.deepEqual(cohort.children.ids, ['355', 'us-core-client-tests-patient']);
    assert.deepEqual(kinds(cohort), {
      weight: 2,
      length: 0,
      height: 2,
      headCircumference: 1,
      bmi: 2,
    });
    assert.deepEqual(report.problemCounts, { VALUE_ABSENT: 2, DUPLICATE: 2 });
    assert.deepEqual(
      report.problems.map((p) => `${p.file}:${p.row}:${p.reason}`),
      [
        'uscore_bundle_patient_355.json:449:VALUE_ABSENT',
        'uscore_bundle_patient_355.json:450:VALUE_ABSENT',
        'uscore_bundle_patient_355.json:454:DUPLICATE',
        'uscore_bundle_patient_355.json:459:DUPLICATE',
      ],
    );
    assert.deepEqual([report.rowsRead, report.rowsAccepted, report.rowsRejected], [13, 9, 4]);
    // Percentiles (59576-9, 77606-2, 8289-1) are recomputed, never read: ignored like labs.
    assert.equal(report.ignoredObservations, 156);
    assert.deepEqual(report.filesIgnored, ['README.md']);
  });
});
