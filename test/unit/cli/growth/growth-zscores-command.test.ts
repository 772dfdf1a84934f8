import { strict as assert } from 'node:assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasCode } from '../../../../benchmark/errors.js';
import { growthZscoresCommand } from '../../../../cli/growth-zscores-command.js';

const INPUT = fileURLToPath(new URL('../../../fixtures/growth/zscores-input.csv', import.meta.url));

interface OutputRow {
  z: string;
  percentile: string;
  flag: string;
  reason: string;
}

/** Output lines by id (ids in the fixture are unique; the malformed row has none). */
function byId(lines: string[]): Map<string, OutputRow> {
  assert.equal(lines[0], 'id,z,percentile,flag,reason');
  const rows = new Map<string, OutputRow>();
  for (const line of lines.slice(1)) {
    const quoted = /^"((?:[^"]|"")*)",(.*)$/.exec(line);
    const [id, rest] = quoted
      ? [quoted[1] ?? '', quoted[2] ?? '']
      : [line.split(',')[0] ?? '', line.slice(line.indexOf(',') + 1)];
    const [z = '', percentile = '', flag = '', reason = ''] = rest.split(',');
    rows.set(id, { z, percentile, flag, reason });
  }
  return rows;
}

async function run(...args: string[]): Promise<string[]> {
  const printed: string[] = [];
  await growthZscoresCommand(args, (line) => printed.push(line));
  return printed;
}

describe('cli/growth-zscores-command', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'centile-zscores-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('scores WHO rows as the WHO macros do (2 decimals) and CDC rows as CDC’s SAS program', async () => {
    const rows = byId(await run('--in', INPUT));
    const round2 = (id: string) => Math.round(Number(rows.get(id)?.z) * 100) / 100;
    const who: [string, number][] = [
      ['who-wfa', -0.57],
      ['who-lhfa', -0.07],
      ['who-wfl', -0.81],
      ['who-wfh', -0.81],
      ['who-bfa', -0.79],
      ['who-acfa', 0.11],
      ['who-tsfa', -0.66],
      ['who-ssfa', -0.93],
      ['who2007-hfa', -1.13],
      ['who2007-bfa', 0.94],
    ];
    for (const [id, z] of who) assert.equal(round2(id), z, id);
    const cdc: [string, number, number][] = [
      ['cdc-wfa', 1.341723005, 1e-9],
      ['cdc-sfa', -1.25800107, 1e-8],
      ['cdc-bfa', 2.4585153326, 1e-9],
      ['cdc-bfa-ext', 2.2879492463, 1e-9],
      ['cdc-wfs', 1.325312142, 1e-9],
      ['cdc-infant', 0, 1e-12],
    ];
    for (const [id, z, tolerance] of cdc) {
      assert.ok(Math.abs(Number(rows.get(id)?.z) - z) < tolerance, `${id}: ${rows.get(id)?.z}`);
      assert.equal(rows.get(id)?.flag, '0', id);
      assert.equal(rows.get(id)?.reason, '', id);
    }
    assert.ok(Math.abs(Number(rows.get('cdc-bfa-ext')?.percentile) - 98.892976153) < 1e-8);
    assert.equal(rows.get('cdc-infant')?.percentile, '50');
  });

  it('gives every bad row a reason and goes on', async () => {
    const printed = await run('--in', INPUT);
    const rows = byId(printed);
    const reasons: [string, string][] = [
      ['bad-reference', 'REFERENCE_UNKNOWN'],
      ['bad-indicator', 'INDICATOR_UNKNOWN'],
      ['bad-sex', 'SEX_INVALID'],
      ['no-sex', 'SEX_MISSING'],
      ['bad-weight', 'WEIGHT_KG_INVALID'],
      ['bad-measure', 'MEASURE_INVALID'],
      ['age-conflict', 'AGE_CONFLICT'],
      ['no-age', 'AGE_MISSING'],
      ['too-young', 'AGE_OUT_OF_RANGE'],
      ['negative', 'MEASUREMENT_NOT_POSITIVE'],
      ['short-row', 'ROW_FIELD_COUNT'],
      ['', 'ROW_MALFORMED'],
    ];
    for (const [id, reason] of reasons) {
      assert.deepEqual(rows.get(id), { z: '', percentile: '', flag: '', reason }, id);
    }
    // One output line per data row (the blank line is skipped), the rows after the bad ones scored.
    assert.equal(printed.length, 1 + 31);
    assert.equal(rows.get('unused-garbage')?.reason, '');
    assert.ok(Number.isFinite(Number(rows.get('crlf-row')?.z)));
    // An id holding a comma is quoted in the output as it was in the input.
    assert.ok(printed.some((line) => line.startsWith('"id, with comma",0.')));
  });

  it('writes the same bytes to --out, replaces the file whole, and prints a summary', async () => {
    const expected = `${(await run('--in', INPUT)).join('\n')}\n`;
    const target = path.join(dir, 'z.csv');
    writeFileSync(target, 'old contents');
    const printed = await run('--in', INPUT, '--out', target);
    assert.equal(readFileSync(target, 'utf8'), expected);
    assert.deepEqual(printed, ['scored 19 of 31 rows; 12 have a reason']);
    assert.deepEqual(readdirSync(dir), ['z.csv']);
  });

  it('streams a large file and reports an over-long line', async () => {
    const input = path.join(dir, 'big.csv');
    const row = (i: number) => `r${i},CDC2000,bfa,${1 + (i % 2)},${24 + (i % 200)},25,120`;
    const body = Array.from({ length: 20000 }, (_, i) => row(i)).join('\n');
    writeFileSync(
      input,
      `id,reference,indicator,sex,age_months,weight_kg,lenhei_cm\n${body}\n${'x'.repeat(70000)}\n`,
    );
    const target = path.join(dir, 'big-z.csv');
    const printed = await run('--in', input, '--out', target);
    assert.deepEqual(printed, ['scored 20000 of 20001 rows; 1 have a reason']);
    const lines = readFileSync(target, 'utf8').split('\n');
    assert.equal(lines[20001], ',,,,ROW_TOO_LONG');
  });

  it('stops only for an unusable header, a missing --in, or files it cannot use', async () => {
    const write = (name: string, text: string) => {
      writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const failures: [string[], string][] = [
      [[], 'USAGE'],
      [['--in', path.join(dir, 'absent.csv')], 'INPUT_NOT_READABLE'],
      [['--in', write('empty.csv', '\n\n')], 'CSV_HEADER_INVALID'],
      [
        ['--in', write('nosex.csv', 'id,reference,indicator\n1,WHO2006,wfa\n')],
        'CSV_HEADER_INVALID',
      ],
      [['--in', write('twice.csv', 'id,reference,indicator,sex,SEX\n')], 'CSV_HEADER_INVALID'],
      [['--in', INPUT, '--out', path.join(dir, 'no', 'such', 'dir.csv')], 'OUTPUT_NOT_WRITABLE'],
    ];
    for (const [args, code] of failures) {
      await assert.rejects(run(...args), (e: unknown) => hasCode(e, code), args.join(' '));
    }
    // A failed run leaves no output file, not even a partial one.
    const target = path.join(dir, 'out.csv');
    await assert.rejects(run('--in', path.join(dir, 'nosex.csv'), '--out', target));
    assert.ok(!readdirSync(dir).some((name) => name.includes('out.csv')));
  });
});
