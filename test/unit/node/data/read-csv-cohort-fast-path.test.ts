import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { measurementCount } from '../../../../benchmark/cohort.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';
import type { Prng } from '../../../../benchmark/sim/prng.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import { LONG_CSV_HEADER, toLongCsv } from '../../../../benchmark/sim/to-long-csv.js';
import { FastCsvRow } from '../../../../node/data/csv/fast-csv-row.js';
import { parseCsvHeader } from '../../../../node/data/parse-csv-header.js';
import { MAX_LINE_CHARS, readCsvCohort } from '../../../../node/data/read-csv-cohort.js';
import type { CsvCohortResult } from '../../../../node/data/read-csv-cohort.js';

/** Data lines (without `\n`) of the three Sim sites, values in mixed units. */
function simLines(children: number): string[] {
  return Object.values(SIM_SITES).flatMap((spec) => {
    const site = generateSimSite(spec, { children, seed: 'fast-path', unitMix: true });
    const units = site.units ?? new Uint8Array();
    return toLongCsv(site.cohort, { units })
      .slice(1)
      .map((line) => line.slice(0, -1));
  });
}

/** Every column's bytes, so that doubles must match bit for bit (NaN and -0 included). */
function columnBytes(cohort: Cohort): Record<string, Buffer> {
  const columns = { ...cohort.children, ...cohort.measurements, ids: undefined };
  return Object.fromEntries(
    Object.entries(columns).flatMap(([name, column]) =>
      column === undefined
        ? []
        : [[name, Buffer.from(column.buffer, column.byteOffset, column.byteLength)]],
    ),
  );
}

function assertSameResult(actual: CsvCohortResult, expected: CsvCohortResult, what: string): void {
  assert.deepEqual(actual.report, expected.report, what);
  assert.deepEqual(actual.cohort.children.ids, expected.cohort.children.ids, what);
  assert.deepEqual(columnBytes(actual.cohort), columnBytes(expected.cohort), what);
}

/** One way of writing a row that an export could produce, valid or not. */
type Mutation = (fields: string[], rng: Prng) => void;

const pick = <T>(rng: Prng, items: readonly T[]): T => items[rng.int(items.length)] as T;
// Column positions in LONG_CSV_HEADER + ',note'.
const [ID, SEX, BIRTH, WEEKS, DATE, KIND, VALUE, UNIT, ESTIMATED, NOTE] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
];

const MUTATIONS: readonly Mutation[] = [
  (f) => (f[KIND] = (f[KIND] ?? '').toUpperCase()),
  (f, rng) =>
    (f[UNIT] = pick(rng, [(f[UNIT] ?? '').toUpperCase(), 'KG/M^2', 'kg/m²', 'stone', ''])),
  (f, rng) => (f[SEX] = pick(rng, ['m', 'f', '1', '2', 'x', '', 'male'])),
  (f, rng) => (f[ESTIMATED] = pick(rng, ['TRUE', 'false', '', 'yes', ' 1'])),
  (f, rng) => {
    const at = rng.int(f.length);
    f[at] = pick(rng, [` ${f[at]}`, `${f[at]} `, `\t${f[at]}`, `${f[at]}\r`]);
  },
  (f, rng) => {
    const at = rng.int(f.length);
    f[at] = `"${f[at]}"`;
  },
  (f, rng) => (f[ID] = pick(rng, [`"${f[ID]} ""jr"""`, ` "${f[ID]}"`, `"${f[ID]}" `, `"${f[ID]}`])),
  (f, rng) => {
    const v = f[VALUE] ?? '';
    f[VALUE] = pick(rng, [
      `.${v.replace('.', '')}`,
      `${v}.`,
      `${v}e0`,
      `+${v}`,
      `-${v}`,
      `00${v}`,
      `${v}0000000000000001`,
      '1e400',
      '',
      'abc',
    ]);
  },
  (f, rng) => {
    const at = rng.chance(0.5) ? BIRTH : DATE;
    f[at] = pick(rng, [
      '2020-02-30',
      '2020-2-01',
      ` ${f[at]}`,
      `${f[at]}T00:00`,
      '2019-02-29',
      '1970-01-01',
    ]);
  },
  (f, rng) => (f[WEEKS] = pick(rng, ['', '19', 'abc', '45.0', '38', '20', '-0', '3.8e1'])),
  (f, rng) => {
    if (rng.chance(0.5)) f[SEX] = f[SEX] === 'M' ? 'F' : 'M';
    else f[BIRTH] = '2013-05-05';
  },
  (f, rng) => (rng.chance(0.5) ? f.pop() : f.push('extra')),
  (f, rng) => (f[ID] = pick(rng, [`${f[ID]}é`, `\uFEFF${f[ID]}`, `${f[ID]} x`, `K\u212A`])),
  (f, rng) => (f[NOTE] = pick(rng, ['"a, ""b"""', '"x,y"', 'say "hi"', '\u00a0', 'é', '5\'2"'])),
  (f) => (f[VALUE] = (f[VALUE] ?? '').replace(/\d$/, (d) => `${d}\r`)),
];

/** Sim rows written in every odd way above, shuffled, with blank and over-long lines, as bytes. */
function messyFile(lines: readonly string[]): Buffer {
  const rng = createPrng('messy');
  const rows = lines.map((line) => {
    const fields = [...line.split(','), ''];
    if (rng.chance(0.6)) pick(rng, MUTATIONS)(fields, rng);
    return fields.join(',');
  });
  for (let i = rows.length - 1; i > 0; i -= 1) {
    const j = rng.int(i + 1);
    [rows[i], rows[j]] = [rows[j] ?? '', rows[i] ?? ''];
  }
  const long = rows[0] ?? '';
  rows.splice(
    5,
    0,
    '',
    '  \t',
    '\uFEFF',
    `${long}${'x'.repeat(MAX_LINE_CHARS)}`,
    `${long}${'é'.repeat(40_000)}`,
  );
  const text = Buffer.from(`\uFEFF${LONG_CSV_HEADER},note\r\n${rows.join('\r\n')}\n`);
  // An invalid UTF-8 byte in a note (ignored) and one in an id (decoded as U+FFFD).
  return Buffer.concat([
    text,
    Buffer.from('c9,M,2020-01-01,,2020-02-01,weight,4,kg,0,\xff\n', 'latin1'),
    Buffer.from('c\xff,M,2020-01-01,,2020-02-01,weight,4,kg,0,\n', 'latin1'),
  ]);
}

describe('node/data/readCsvCohort fast path', () => {
  let dir: string;
  let lines: string[];
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'centile-csv-fast-'));
    lines = simLines(120);
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads a Sim export with mixed units exactly as the exact path does', async () => {
    const file = path.join(dir, 'sim.csv');
    writeFileSync(file, `${LONG_CSV_HEADER}\n${lines.join('\n')}\n`);
    const fast = await readCsvCohort(file);
    assert.equal(fast.report.rowsRejected, 0);
    assert.equal(measurementCount(fast.cohort), lines.length);
    assertSameResult(fast, await readCsvCohort(file, { fastRows: false }), 'exact path');
  });

  it('takes every row of a Sim export on the fast path', () => {
    const row = new FastCsvRow(parseCsvHeader(LONG_CSV_HEADER.split(',')));
    const declined = lines.filter((line) => {
      const bytes = Buffer.from(line);
      return !row.parse(bytes, 0, bytes.length);
    });
    assert.deepEqual(declined, []);
  });

  it('gives the same cohort and report on a messy export, whatever the path and chunk size', async () => {
    const file = path.join(dir, 'messy.csv');
    writeFileSync(file, messyFile(lines));
    const exact = await readCsvCohort(file, { fastRows: false });
    // The file must exercise both paths: most rows valid, many rejected for many reasons.
    assert.ok(exact.report.rowsAccepted > lines.length / 2);
    assert.ok(
      Object.keys(exact.report.problemCounts).length >= 10,
      JSON.stringify(exact.report.problemCounts),
    );
    assert.equal(exact.report.problemCounts.LINE_TOO_LONG, 1);

    assertSameResult(await readCsvCohort(file), exact, 'fast path');
    assertSameResult(
      await readCsvCohort(file, { chunkBytes: 999 }),
      exact,
      'fast path, 999-byte reads',
    );
    assertSameResult(
      await readCsvCohort(file, { chunkBytes: 4096, fastRows: false }),
      exact,
      'exact path, 4 KiB reads',
    );
  });
});
