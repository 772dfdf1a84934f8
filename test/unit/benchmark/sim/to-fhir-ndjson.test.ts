import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { CohortBuilder } from '../../../../benchmark/cohort-builder.js';
import { hasCode } from '../../../../benchmark/errors.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import { SimUnit } from '../../../../benchmark/sim/sim-units.js';
import type { BulkExportManifest, FhirNdjson } from '../../../../benchmark/sim/to-fhir-ndjson.js';
import { toFhirNdjson } from '../../../../benchmark/sim/to-fhir-ndjson.js';
import { toLongCsv } from '../../../../benchmark/sim/to-long-csv.js';
import { DAY_2020_01_01, smallCohort as sharedSmallCohort } from './small-cohort.js';

interface Observation {
  resourceType: string;
  id: string;
  status: string;
  category: { coding: { system: string; code: string }[] }[];
  code: { coding: { system: string; code: string }[] };
  subject: { reference: string };
  effectiveDateTime: string;
  valueQuantity?: { value: number; unit: string; system: string; code: string };
  dataAbsentReason?: { coding: { code: string }[] };
  extension?: unknown;
}

const smallCohort = (): Cohort => sharedSmallCohort('S1-000002', 260);

function file(ndjson: FhirNdjson, name: string): string[] {
  const found = ndjson.files.find((f) => f.name === name);
  assert.ok(found !== undefined, name);
  return found.lines;
}

function observations(ndjson: FhirNdjson): Observation[] {
  return ndjson.files
    .filter((f) => f.name.startsWith('Observation.'))
    .flatMap((f) => f.lines.map((line) => JSON.parse(line) as Observation));
}

/** Observations of measurements, leaving out the gestational ages (`<patient>-ga`). */
function measurementObservations(ndjson: FhirNdjson): Observation[] {
  return observations(ndjson).filter((o) => !o.id.endsWith('-ga'));
}

function manifestOf(ndjson: FhirNdjson): BulkExportManifest {
  return JSON.parse(file(ndjson, 'manifest.json').join('')) as BulkExportManifest;
}

function sha256(ndjson: FhirNdjson): string {
  const hash = createHash('sha256');
  for (const f of ndjson.files) hash.update(`${f.name}\0${f.lines.join('')}\0`);
  return hash.digest('hex');
}

describe('sim/to-fhir-ndjson', () => {
  it('writes Patients with US Core birth sex, gender and birth date', () => {
    const lines = file(toFhirNdjson(smallCohort()), 'Patient.000.ndjson');
    assert.deepEqual(lines, [
      '{"resourceType":"Patient","id":"S1-000001","extension":[{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex","valueCode":"M"}],"gender":"male","birthDate":"2020-01-01"}\n',
      '{"resourceType":"Patient","id":"S1-000002","extension":[{"url":"http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex","valueCode":"F"}],"gender":"female","birthDate":"2019-01-01"}\n',
    ]);
  });

  it('writes final vital-signs Observations with LOINC, UCUM, subject and date', () => {
    const obs = observations(toFhirNdjson(smallCohort()));
    assert.deepEqual(obs[0], {
      resourceType: 'Observation',
      id: 'S1-000001-1',
      status: 'final',
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/observation-category',
              code: 'vital-signs',
              display: 'Vital Signs',
            },
          ],
        },
      ],
      code: {
        coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }],
        text: 'Body weight',
      },
      subject: { reference: 'Patient/S1-000001' },
      effectiveDateTime: '2020-01-04',
      valueQuantity: { value: 3.45, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    });
    assert.deepEqual(
      obs.map((o) => [o.id, o.code.coding[0]?.code, o.valueQuantity?.value, o.valueQuantity?.code]),
      [
        ['S1-000001-1', '29463-7', 3.45, 'kg'],
        ['S1-000001-2', '8306-3', 50.2, 'cm'],
        ['S1-000001-3', '9843-4', 38.1, 'cm'],
        ['S1-000002-1', '8335-2', 12.5, 'kg'], // estimated weight
        ['S1-000002-2', '8302-2', 88, 'cm'],
        ['S1-000002-3', '39156-5', 16.14, 'kg/m2'],
        ['S1-000001-ga', '18185-9', 37.1, 'wk'], // after every measurement
      ],
    );
    assert.equal(obs[3]?.effectiveDateTime, '2021-03-01');
    // Position is in the code (8306-3 vs 8302-2), never a bodyPosition extension.
    assert.ok(obs.every((o) => o.extension === undefined));
  });

  it('writes a recorded gestational age as one LOINC 18185-9 Observation in weeks', () => {
    const obs = observations(toFhirNdjson(smallCohort()));
    const gestations = obs.filter((o) => o.code.coding[0]?.code === '18185-9');
    assert.deepEqual(gestations, [
      {
        resourceType: 'Observation',
        id: 'S1-000001-ga',
        status: 'final',
        code: {
          coding: [{ system: 'http://loinc.org', code: '18185-9', display: 'Gestational age' }],
          text: 'Gestational age',
        },
        subject: { reference: 'Patient/S1-000001' },
        effectiveDateTime: '2020-01-01', // the birth date
        valueQuantity: { value: 37.1, unit: 'wk', system: 'http://unitsofmeasure.org', code: 'wk' },
      },
    ]);
  });

  it('writes gestational ages as the long CSV does, one per child who has one', () => {
    const { cohort } = generateSimSite(SIM_SITES.lowland, { children: 300, seed: 'fhir-ga' });
    const csvWeeks = new Map(
      toLongCsv(cohort)
        .slice(1)
        .map((line) => line.split(','))
        .map(([id = '', , , weeks = '']) => [id, weeks]),
    );
    const gestations = observations(toFhirNdjson(cohort)).filter((o) => o.id.endsWith('-ga'));
    const recorded = cohort.children.gestationalAgeDays.filter((d) => !Number.isNaN(d)).length;
    assert.ok(recorded > 20 && recorded < 300); // lowland records some, not all
    assert.equal(gestations.length, recorded);
    for (const o of gestations) {
      const id = o.subject.reference.slice('Patient/'.length);
      assert.equal(o.id, `${id}-ga`);
      assert.equal(o.valueQuantity?.value, Number(csvWeeks.get(id)), id);
      assert.equal(o.valueQuantity?.code, 'wk');
    }
  });

  it('writes a manifest whose outputs are the files and line counts', () => {
    const ndjson = toFhirNdjson(smallCohort(), { resourcesPerFile: 4 });
    assert.deepEqual(
      ndjson.files.map((f) => f.name),
      ['Patient.000.ndjson', 'Observation.000.ndjson', 'Observation.001.ndjson', 'manifest.json'],
    );
    assert.deepEqual(manifestOf(ndjson), {
      transactionTime: '2021-03-02T00:00:00Z', // the day after the last measurement
      request: 'https://sim.centile.invalid/fhir/$export?_type=Patient,Observation',
      requiresAccessToken: false,
      output: [
        { type: 'Patient', url: 'Patient.000.ndjson', count: 2 },
        { type: 'Observation', url: 'Observation.000.ndjson', count: 4 },
        { type: 'Observation', url: 'Observation.001.ndjson', count: 3 },
      ],
      error: [],
    });
    const custom = manifestOf(
      toFhirNdjson(smallCohort(), { transactionTime: '2025-06-30T12:00:00Z', request: 'r' }),
    );
    assert.equal(custom.transactionTime, '2025-06-30T12:00:00Z');
    assert.equal(custom.request, 'r');
  });

  it('writes values in the recorded units, as the long CSV does', () => {
    const units = Uint8Array.from([SimUnit.g, SimUnit.in, SimUnit.in, SimUnit.lb, 3, 5]);
    const obs = measurementObservations(toFhirNdjson(smallCohort(), { units }));
    assert.deepEqual(
      obs.map((o) => [o.valueQuantity?.value, o.valueQuantity?.code, o.valueQuantity?.unit]),
      [
        [3450, 'g', 'g'],
        [19.76, '[in_i]', 'in'], // 50.2 / 2.54 = 19.7638
        [15, '[in_i]', 'in'],
        [27.56, '[lb_av]', 'lb'], // 12.5 / 0.45359237 = 27.5578
        [88, 'cm', 'cm'],
        [16.14, 'kg/m2', 'kg/m2'],
      ],
    );
  });

  it('mixes units like the CSV writer, every value matching the CSV and SI', () => {
    const { cohort, units } = generateSimSite(SIM_SITES.urban, {
      children: 200,
      seed: 'fhir-units',
      unitMix: true,
    });
    assert.ok(units !== undefined);
    const obs = measurementObservations(toFhirNdjson(cohort, { units }));
    const csv = toLongCsv(cohort, { units }).slice(1);
    assert.equal(obs.length, cohort.measurements.child.length);
    const factor: Record<string, number> = {
      kg: 1,
      g: 0.001,
      '[lb_av]': 0.45359237,
      cm: 1,
      '[in_i]': 2.54,
      'kg/m2': 1,
    };
    obs.forEach((o, i) => {
      const quantity = o.valueQuantity;
      assert.ok(quantity !== undefined);
      assert.equal(String(quantity.value), csv[i]?.split(',')[6]);
      const si = quantity.value * (factor[quantity.code] ?? Number.NaN);
      assert.ok(Math.abs(si - (cohort.measurements.value[i] ?? 0)) < 0.013, o.id);
    });
    const seen = new Set(obs.map((o) => o.valueQuantity?.code));
    assert.deepEqual([...seen].sort(), ['[in_i]', '[lb_av]', 'cm', 'g', 'kg', 'kg/m2']);
  });

  it('gives the same bytes for the same seed, and different bytes for another', () => {
    const run = (seed: string) => {
      const site = generateSimSite(SIM_SITES.followup, { children: 150, seed, unitMix: true });
      return sha256(toFhirNdjson(site.cohort, site.units ? { units: site.units } : {}));
    };
    assert.equal(run('same'), run('same'));
    assert.notEqual(run('same'), run('other'));
  });

  it('splits a Sim site into files whose counts the manifest states', () => {
    const { cohort } = generateSimSite(SIM_SITES.lowland, { children: 120, seed: 'split' });
    const ndjson = toFhirNdjson(cohort, { resourcesPerFile: 500 });
    const manifest = manifestOf(ndjson);
    const written = ndjson.files.filter((f) => f.name !== 'manifest.json');
    assert.deepEqual(
      manifest.output,
      written.map((f) => ({ type: f.name.split('.')[0], url: f.name, count: f.lines.length })),
    );
    const gestations = cohort.children.gestationalAgeDays.filter((d) => !Number.isNaN(d)).length;
    assert.ok(gestations > 0);
    const resources = cohort.measurements.child.length + gestations;
    const observationFiles = written.filter((f) => f.name.startsWith('Observation.'));
    assert.equal(observationFiles.length, Math.ceil(resources / 500));
    assert.equal(observations(ndjson).length, resources);
    for (const f of written) {
      assert.ok(f.lines.length <= 500);
      for (const line of f.lines) assert.match(line, /^\{[^\n]*\}\n$/);
    }
    const ids = observations(ndjson).map((o) => o.id);
    assert.equal(new Set(ids).size, ids.length);
  });

  it('writes a missing value as a value-less observation with dataAbsentReason', () => {
    const builder = new CohortBuilder();
    const a = builder.addChild({ id: 'x', sex: 2, birthDay: DAY_2020_01_01 });
    builder.addMeasurement({ childIndex: a, ageDays: 9, kind: 0, value: Number.NaN });
    const [obs] = observations(toFhirNdjson(builder.build()));
    assert.equal(obs?.valueQuantity, undefined);
    assert.equal(obs?.dataAbsentReason?.coding[0]?.code, 'unknown');
  });

  it('refuses ids that are not FHIR ids, bad units and a bad split size', () => {
    const builder = new CohortBuilder();
    builder.addChild({ id: 'odd,"id"', sex: 1, birthDay: DAY_2020_01_01 });
    assert.throws(
      () => toFhirNdjson(builder.build()),
      (e: unknown) => hasCode(e, 'SIM_ID_INVALID'),
    );
    const wrongKind = Uint8Array.from([SimUnit.kg, SimUnit.g, 3, 0, 3, 5]); // g for a length
    for (const units of [new Uint8Array(2), wrongKind]) {
      assert.throws(
        () => toFhirNdjson(smallCohort(), { units }),
        (e: unknown) => hasCode(e, 'SIM_UNITS_MISMATCH'),
      );
    }
    for (const resourcesPerFile of [0, 1.5, -3]) {
      assert.throws(
        () => toFhirNdjson(smallCohort(), { resourcesPerFile }),
        (e: unknown) => hasCode(e, 'SIM_OPTIONS_INVALID'),
      );
    }
  });
});
