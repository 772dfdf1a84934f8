import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasCode } from '../../../benchmark/errors.js';
import { SIM_SITES } from '../../../benchmark/sim/sim-site-spec.js';
import { LONG_CSV_HEADER } from '../../../benchmark/sim/to-long-csv.js';
import { OMOP_MEASUREMENT_HEADER, OMOP_PERSON_HEADER } from '../../../benchmark/sim/to-omop-csv.js';
import { simCommand, simSitePlan } from '../../../cli/sim-command.js';
import { writeSimCsv, writeSimSite } from '../../../cli/write-sim-site.js';

interface Manifest {
  output: { type: string; url: string; count: number }[];
}

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').slice(0, -1);
}

function folderHash(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    hash
      .update(`${name}\0`)
      .update(readFileSync(path.join(dir, name)))
      .update('\0');
  }
  return hash.digest('hex');
}

describe('cli/sim-command', () => {
  let dir: string;
  let printed: string[];
  const run = (...args: string[]) => simCommand(args, (line) => printed.push(line));

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'centile-sim-cmd-'));
    printed = [];
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes one cohort.csv per site for --format csv (the default)', async () => {
    await run('--out', dir, '--sites', '3', '--children', '15', '--seed', 's');
    assert.deepEqual(readdirSync(dir).sort(), [
      'site-1-urban',
      'site-2-lowland',
      'site-3-followup',
    ]);
    for (const [i, name] of ['site-1-urban', 'site-2-lowland', 'site-3-followup'].entries()) {
      const file = path.join(dir, name, 'cohort.csv');
      assert.deepEqual(readdirSync(path.join(dir, name)), ['cohort.csv']);
      const rows = lines(file);
      assert.equal(rows[0], LONG_CSV_HEADER);
      assert.ok(rows.slice(1).every((row) => row.startsWith(`S${i + 1}-`)));
      assert.ok(printed[i]?.endsWith(file));
    }
  });

  it('writes NDJSON files and a manifest whose counts match for --format fhir', async () => {
    await run('--out', dir, '--sites', '1', '--children', '30', '--format', 'fhir');
    const site = path.join(dir, 'site-1-urban');
    assert.ok(printed[0]?.endsWith(site));
    const manifest = JSON.parse(readFileSync(path.join(site, 'manifest.json'), 'utf8')) as Manifest;
    assert.deepEqual(
      readdirSync(site).sort(),
      ['Observation.000.ndjson', 'Patient.000.ndjson', 'manifest.json'].sort(),
    );
    assert.deepEqual(
      manifest.output.map((o) => [o.type, o.url]),
      [
        ['Patient', 'Patient.000.ndjson'],
        ['Observation', 'Observation.000.ndjson'],
      ],
    );
    for (const output of manifest.output) {
      const written = lines(path.join(site, output.url));
      assert.equal(output.count, written.length);
      for (const line of written)
        assert.equal((JSON.parse(line) as { resourceType: string }).resourceType, output.type);
    }
    assert.equal(manifest.output[0]?.count, 30);
  });

  it('writes PERSON.csv and MEASUREMENT.csv for --format omop', async () => {
    await run('--out', dir, '--sites', '2', '--children', '20', '--format', 'omop');
    for (const name of ['site-1-urban', 'site-2-lowland']) {
      const site = path.join(dir, name);
      assert.deepEqual(readdirSync(site).sort(), ['MEASUREMENT.csv', 'PERSON.csv']);
      const person = lines(path.join(site, 'PERSON.csv'));
      assert.equal(person[0], OMOP_PERSON_HEADER);
      assert.equal(person.length, 21);
      const measurement = lines(path.join(site, 'MEASUREMENT.csv'));
      assert.equal(measurement[0], OMOP_MEASUREMENT_HEADER);
      assert.ok(measurement.length > 20);
    }
    assert.equal(printed.length, 2);
  });

  it('cycles the three sites with distinct seeds and id prefixes beyond three', async () => {
    await run('--out', dir, '--sites', '4', '--children', '10');
    const first = lines(path.join(dir, 'site-1-urban', 'cohort.csv')).slice(1);
    const fourth = lines(path.join(dir, 'site-4-urban', 'cohort.csv')).slice(1);
    assert.ok(fourth.every((row) => row.startsWith('S4-')));
    const body = (rows: string[]) => rows.map((row) => row.slice(row.indexOf(',')));
    assert.notDeepEqual(body(fourth), body(first));
    assert.deepEqual(simSitePlan(4, 'x'), {
      name: 'site-5-lowland',
      spec: { ...SIM_SITES.lowland, idPrefix: 'S5' },
      seed: 'x#2',
    });
    assert.deepEqual(simSitePlan(2, 'x'), {
      name: 'site-3-followup',
      spec: SIM_SITES.followup,
      seed: 'x',
    });
  });

  it('refuses bad arguments with USAGE', async () => {
    const bad = [
      ['--children', '5'],
      ['--out', dir, '--format', 'xml'],
      ['--out', dir, '--sites', '0'],
      ['--out', dir, '--sites', '2.5'],
      ['--out', dir, '--children', 'many'],
      ['--out', dir, '--children', '-3'],
      ['--out', dir, '--colour', 'red'],
      ['--out', dir, 'extra'],
      ['--out'],
    ];
    for (const args of bad) {
      await assert.rejects(run(...args), (e: unknown) => hasCode(e, 'USAGE'), args.join(' '));
    }
    assert.deepEqual(readdirSync(dir), []);
  });

  it('refuses a non-empty site folder before writing anything', async () => {
    mkdirSync(path.join(dir, 'site-2-lowland'));
    writeFileSync(path.join(dir, 'site-2-lowland', 'old.csv'), 'x');
    await assert.rejects(run('--out', dir, '--children', '5'), (e: unknown) =>
      hasCode(e, 'SIM_OUT_NOT_EMPTY'),
    );
    assert.deepEqual(readdirSync(dir), ['site-2-lowland']);
  });

  it('writeSimSite gives the same bytes twice, and csv equals writeSimCsv', async () => {
    for (const format of ['csv', 'fhir', 'omop'] as const) {
      const options = { children: 25, seed: 'same', format };
      const a = path.join(dir, `${format}-a`);
      const b = path.join(dir, `${format}-b`);
      const target = await writeSimSite(SIM_SITES.followup, options, a);
      await writeSimSite(SIM_SITES.followup, options, b);
      assert.equal(folderHash(a), folderHash(b), format);
      assert.equal(target, format === 'csv' ? path.join(a, 'cohort.csv') : a);
    }
    const file = path.join(dir, 'direct.csv');
    await writeSimCsv(SIM_SITES.followup, 25, 'same', file);
    assert.equal(
      readFileSync(file, 'utf8'),
      readFileSync(path.join(dir, 'csv-a', 'cohort.csv'), 'utf8'),
    );
  });
});
