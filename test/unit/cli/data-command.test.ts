import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSimSite } from '../../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../../benchmark/sim/sim-site-spec.js';
import { dataCheckCommand } from '../../../cli/data-command.js';
import { writeSimSite } from '../../../cli/write-sim-site.js';

const fixture = (relative: string) =>
  fileURLToPath(new URL(`../../fixtures/${relative}`, import.meta.url));

async function checkJson(format: string, at: string): Promise<Record<string, unknown>> {
  const lines: string[] = [];
  await dataCheckCommand(['--format', format, '--path', at, '--json'], (l) => lines.push(l));
  assert.equal(lines.length, 1);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

describe('centile data check --json', () => {
  it('summarises the OMOP Eunomia sample with the counts the adapter tests state', async () => {
    const summary = await checkJson('omop', fixture('external-data/eunomia-synthea27nj-omop54'));
    assert.equal(summary.children, 28);
    assert.deepEqual(summary.measurements, {
      weight: 511,
      stature: 496,
      head_circumference: 81,
      bmi: 438,
    });
    assert.equal(summary.rejected, 0);
    assert.deepEqual(summary.problems, []);
  });

  it('summarises the SMART FHIR children bundles', async () => {
    const summary = await checkJson(
      'fhir',
      fixture('external-data/smart-r4-synthea-children/bundles'),
    );
    assert.equal(summary.children, 15);
    assert.equal(summary.gestational_ages, 0, 'Synthea records none');
    assert.deepEqual(summary.measurements, {
      weight: 143,
      stature: 143,
      head_circumference: 0,
      bmi: 81,
    });
    assert.equal(summary.rejected, 0);
  });

  it('counts the children whose gestational age arrived (Sim follow-up clinic, OMOP)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'centile-check-ga-'));
    try {
      const spec = SIM_SITES.followup;
      await writeSimSite(spec, { children: 200, seed: 'check-ga', format: 'omop' }, dir);
      const { cohort } = generateSimSite(spec, { children: 200, seed: 'check-ga' });
      const recorded = cohort.children.gestationalAgeDays.filter((d) => !Number.isNaN(d)).length;
      assert.ok(recorded > 50);
      assert.equal((await checkJson('omop', dir)).gestational_ages, recorded);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists rejected CSV rows by row, field and reason', async () => {
    const summary = await checkJson('csv', fixture('csv/bad-rows.csv'));
    assert.ok((summary.rejected as number) > 0);
    const problems = summary.problems as { row: number; field: string; reason: string }[];
    assert.equal(problems.length, summary.rejected);
    for (const p of problems) assert.deepEqual(Object.keys(p).sort(), ['field', 'reason', 'row']);
  });

  it('refuses an unknown format with a usage error', async () => {
    await assert.rejects(
      dataCheckCommand(['--format', 'xml', '--path', '.'], () => undefined),
      { code: 'USAGE' },
    );
  });
});
