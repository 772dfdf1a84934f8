import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Cohort } from '../../../benchmark/cohort.js';
import { SIM_SITES } from '../../../benchmark/sim/sim-site-spec.js';
import { dataConvertCommand } from '../../../cli/data-command.js';
import { writeSimSite } from '../../../cli/write-sim-site.js';
import type { SimFormat } from '../../../cli/write-sim-site.js';
import { readCohort } from '../../../node/data/read-cohort.js';
import type { IngestReport } from '../../../node/data/ingest-report.js';

/** A cohort as comparable text: per child (in order) sex, birth day and its sorted measurements. */
function describeCohort(cohort: Cohort): string[] {
  const { children, measurements: m } = cohort;
  const perChild = children.ids.map(() => [] as string[]);
  for (let i = 0; i < m.child.length; i++) {
    perChild[m.child[i] as number]?.push(
      `${m.ageDays[i]}:${m.kind[i]}:${(m.value[i] as number).toPrecision(12)}:${m.estimated[i]}`,
    );
  }
  return perChild.map(
    (rows, c) => `${children.sex[c]}|${children.birthDay[c]}|${rows.sort().join(',')}`,
  );
}

/** Gestational ages in days to 1e-6, per child in order (`NaN` when not recorded). */
function gestations(cohort: Cohort): string[] {
  return [...cohort.children.gestationalAgeDays].map((d) => d.toFixed(6));
}

describe('Sim exports in every format read back to the same cohort', function () {
  this.timeout(120_000);
  let dir: string;
  const read = new Map<SimFormat, { cohort: Cohort; report: IngestReport }>();

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'centile-formats-'));
    for (const format of ['csv', 'fhir', 'omop'] as const) {
      const out = path.join(dir, format);
      mkdirSync(out);
      const dataPath = await writeSimSite(
        SIM_SITES.followup,
        { children: 400, seed: 'round-trip', format },
        out,
      );
      read.set(format, await readCohort(format, dataPath));
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects nothing from a clean Sim export', () => {
    for (const [format, { report }] of read) assert.equal(report.rowsRejected, 0, format);
  });

  it('gives identical children and measurements from CSV, FHIR and OMOP', () => {
    const csv = describeCohort(read.get('csv')!.cohort);
    assert.equal(csv.length, 400);
    assert.deepEqual(describeCohort(read.get('fhir')!.cohort), csv);
    assert.deepEqual(describeCohort(read.get('omop')!.cohort), csv);
  });

  it('gives identical gestational ages from CSV, FHIR and OMOP', () => {
    const csv = gestations(read.get('csv')!.cohort);
    // The follow-up clinic records every gestational age, with many preterm births.
    assert.equal(csv.filter((d) => d === 'NaN').length, 0);
    assert.ok(csv.filter((d) => Number(d) < 37 * 7).length > 80);
    assert.deepEqual(gestations(read.get('fhir')!.cohort), csv);
    assert.deepEqual(gestations(read.get('omop')!.cohort), csv);
  });

  it('round-trips every format through `data convert` to the canonical CSV', async () => {
    for (const format of ['csv', 'fhir', 'omop'] as const) {
      const source =
        format === 'csv' ? path.join(dir, 'csv', 'cohort.csv') : path.join(dir, format);
      const converted = path.join(dir, `${format}-converted.csv`);
      const lines: string[] = [];
      await dataConvertCommand(['--format', format, '--path', source, '--out', converted], (l) =>
        lines.push(l),
      );
      const again = await readCohort('csv', converted);
      assert.equal(again.report.rowsRejected, 0);
      assert.deepEqual(
        describeCohort(again.cohort),
        describeCohort(read.get(format)!.cohort),
        format,
      );
      assert.deepEqual(gestations(again.cohort), gestations(read.get(format)!.cohort), format);
    }
  });
});
