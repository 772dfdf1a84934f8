import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SIM_SITES } from '../../../benchmark/sim/sim-site-spec.js';
import { writeSimSite } from '../../../cli/write-sim-site.js';
import { splitNdjsonFile } from '../../../node/data/fhir/ndjson-range.js';
import { NdjsonReader } from '../../../node/data/fhir/ndjson-reader.js';
import { NdjsonWorkerPool } from '../../../node/data/fhir/ndjson-worker-pool.js';
import { FhirCohortAssembler } from '../../../node/data/fhir/fhir-cohort-assembler.js';
import { FhirIngestReportBuilder } from '../../../node/data/fhir/fhir-ingest-report.js';
import { readFhirCohort } from '../../../node/data/fhir/read-fhir-cohort.js';

const SYNTHEA_BUNDLES = fileURLToPath(
  new URL('../../fixtures/external-data/smart-r4-synthea-children/bundles', import.meta.url),
);

/** The Synthea sample Bundles as a bulk export: one NDJSON file per resource type. */
function bundlesToNdjson(target: string): void {
  const byType = new Map<string, string[]>();
  for (const name of readdirSync(SYNTHEA_BUNDLES)) {
    const bundle = JSON.parse(readFileSync(path.join(SYNTHEA_BUNDLES, name), 'utf8')) as {
      entry: { resource: { resourceType: string } }[];
    };
    for (const { resource } of bundle.entry) {
      const lines = byType.get(resource.resourceType) ?? [];
      lines.push(JSON.stringify(resource));
      byType.set(resource.resourceType, lines);
    }
  }
  for (const [type, lines] of byType) {
    writeFileSync(path.join(target, `${type}.ndjson`), `${lines.join('\n')}\n`);
  }
}

/** Every awkward line an export can hold, with rows that cross range cuts. */
const AWKWARD_LINES = [
  '{"resourceType":"Patient","id":"p1","gender":"female","birthDate":"2020-02-03"}',
  '',
  '{"resourceType":"Observation","id":"ö-1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2020-05-01","valueQuantity":{"value":5.1,"code":"kg"}}',
  'not json',
  '[1,2]',
  '{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"8302-2"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2020-05-01","valueQuantity":{"value":60,"code":"cm"}}',
  '{"resourceType":"Observation","id":"dup","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":{"reference":"Patient/p1"},"effectiveDateTime":"2020-05-01","valueQuantity":{"value":5.1,"code":"kg"}}',
  '{"resourceType":"Observation","id":"late","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"subject":{"reference":"Patient/p2"},"effectiveDateTime":"2021-01-01","valueQuantity":{"value":9,"unit":"lb"}}',
  '{"resourceType":"Observation","id":"wip","status":"preliminary","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]}}',
  '{"resourceType":"Encounter","id":"e1"}',
  '   ',
  '{"resourceType":"Patient","id":"p2","gender":"male","birthDate":"2020-06-01"}',
];

describe('FHIR NDJSON parsed on worker threads', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(path.join(tmpdir(), 'centile-ndjson-workers-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const folder = (name: string): string => {
    const at = path.join(dir, name);
    mkdirSync(at);
    return at;
  };

  /** Workers (with the calling thread's share) give exactly what the calling thread alone gives. */
  async function assertSameOnWorkers(at: string, rangeBytes: number): Promise<void> {
    const inProcess = await readFhirCohort(at, { workers: 0 });
    const onWorkers = await readFhirCohort(at, { workers: 2, rangeBytes });
    assert.deepEqual(onWorkers, inProcess);
    assert.ok(inProcess.cohort.measurements.child.length > 0, 'the case has data');
  }

  it('a Sim bulk export in many ranges: same cohort and report', async () => {
    const at = folder('sim');
    await writeSimSite(SIM_SITES.followup, { children: 150, seed: 'workers', format: 'fhir' }, at);
    await assertSameOnWorkers(at, 16 * 1024);
  });

  it('the Synthea sample as NDJSON: same cohort and report', async () => {
    const at = folder('synthea');
    bundlesToNdjson(at);
    await assertSameOnWorkers(at, 64 * 1024);
  });

  it('malformed, blank, duplicate, id-less and out-of-order lines: same rows and problems', async () => {
    const at = folder('awkward');
    writeFileSync(path.join(at, 'Mixed.ndjson'), AWKWARD_LINES.join('\r\n'));
    await assertSameOnWorkers(at, 100);
    const { report } = await readFhirCohort(at, { workers: 2, rangeBytes: 100 });
    assert.deepEqual(
      report.problems.map((p) => `${p.row}:${p.reason}`),
      ['4:MALFORMED_ROW', '5:MALFORMED_ROW', '7:DUPLICATE', '9:NOT_FINAL'],
    );
  });

  it('a file that disappears fails the read, whichever thread parses it', async () => {
    const at = folder('vanishing');
    const file = path.join(at, 'Observation.ndjson');
    writeFileSync(file, `${AWKWARD_LINES.join('\n')}\n`);
    const reader = await NdjsonReader.open([file], { workers: 1, rangeBytes: 100 });
    const pool = new NdjsonWorkerPool(await splitNdjsonFile(file, 100), 1);
    rmSync(file);
    const report = new FhirIngestReportBuilder('vanishing');
    const isMissing = (error: unknown) => (error as { code?: unknown }).code === 'ENOENT';
    try {
      await assert.rejects(
        reader.readFile(file, 'Observation.ndjson', new FhirCohortAssembler(report), report),
        isMissing,
      );
      await assert.rejects(async () => {
        for await (const batch of pool.batches(0))
          assert.fail(`read ${String(batch.length)} lines`);
      }, isMissing);
    } finally {
      await Promise.all([reader.close(), pool.close()]);
    }
  });
});
