import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasCode } from '../../../benchmark/errors.js';
import { metricsBinaryCommand, metricsRegressionCommand } from '../../../cli/metrics-command.js';
import { MetricsInputError } from '../../../cli/metrics/metrics-input-error.js';
import { MAX_GROUPS } from '../../../cli/metrics/read-metrics-table.js';
import {
  assertMetricsEqual,
  loadMetricVectorCases,
  METRIC_VECTORS_DIR,
} from '../benchmark/metrics/metric-vector-fixtures.js';

type Command = typeof metricsBinaryCommand;

interface Printed {
  all: Record<string, number | null>;
  groups: Record<string, Record<string, number | null>>;
  fairness?: Record<string, number | null>;
}

async function run(command: Command, ...args: string[]): Promise<Printed> {
  const printed: string[] = [];
  await command(args, (line) => printed.push(line));
  assert.equal(printed.length, 1, 'one JSON object on one line');
  return JSON.parse(printed[0] as string) as Printed;
}

const commandOf = (kind: 'binary' | 'regression') =>
  kind === 'binary' ? metricsBinaryCommand : metricsRegressionCommand;

describe('cli/metrics-command', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'centile-metrics-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };

  for (const c of loadMetricVectorCases()) {
    it(`prints scikit-learn's values for ${c.name} (all rows, every group, every key)`, async () => {
      const printed = await run(commandOf(c.kind), '--in', `${METRIC_VECTORS_DIR}${c.name}.csv`);
      assert.deepEqual(Object.keys(printed), ['all', 'groups', 'fairness']);
      assertMetricsEqual(printed.all, c.all, `${c.name}.all`);
      assert.deepEqual(Object.keys(printed.groups), Object.keys(c.groups));
      for (const [name, expected] of Object.entries(c.groups)) {
        assertMetricsEqual(printed.groups[name] as object, expected, `${c.name}.${name}`);
      }
      const fairnessKeys =
        c.kind === 'binary'
          ? ['demographic_parity_difference', 'equal_opportunity_difference', 'auroc_gap']
          : ['worst_group_mae', 'mae_gap', 'bias_gap'];
      for (const key of fairnessKeys) assert.ok(key in (printed.fairness ?? {}), key);
    });
  }

  it('reads columns in any order and any case, with extra columns, quotes, a BOM and CRLF', async () => {
    const source = readFileSync(`${METRIC_VECTORS_DIR}binary-001.csv`, 'utf8').trim().split('\n');
    const rows = source.slice(1).map((line, i) => {
      const [label, score, group] = line.split(',');
      return `"${group}",row-${i},${score},"${label}"`;
    });
    const file = write(
      'shuffled.csv',
      `\uFEFFGroup,id, Score ,LABEL\r\n${rows.join('\r\n')}\r\n\r\n`,
    );
    const printed = await run(metricsBinaryCommand, '--in', file);
    const expected = loadMetricVectorCases().find((c) => c.name === 'binary-001');
    assertMetricsEqual(printed.all, expected?.all ?? {}, 'shuffled');
    assertMetricsEqual(printed.groups.b ?? {}, expected?.groups.b ?? {}, 'shuffled.b');
  });

  it('prints no groups and no fairness for a file without a group column, and honours --threshold', async () => {
    const file = write('plain.csv', 'label,score\n1,0.9\n0,0.6\n1,0.4\n0,0.1\n');
    const printed = await run(metricsBinaryCommand, '--in', file);
    assert.deepEqual(Object.keys(printed), ['all', 'groups']);
    assert.deepEqual(printed.groups, {});
    assert.equal(printed.all.recall, 0.5);
    assert.equal(
      (await run(metricsBinaryCommand, '--in', file, '--threshold', '0.35')).all.recall,
      1,
    );
    const regression = write('plain-r.csv', 'prediction,target\n1,2\n5,4\n');
    assert.deepEqual(await run(metricsRegressionCommand, '--in', regression), {
      all: { n: 2, mae: 1, rmse: 1, mape: 0.375, bias: 0 },
      groups: {},
    });
  });

  it('names the line and column of the first bad cell, with a stable code', async () => {
    const binary: [string, string, number, string | null][] = [
      ['label,score\n1,0.5\n2,0.5\n', 'LABEL_INVALID', 3, 'label'],
      ['label,score\n1,0.5\nyes,0.5\n', 'LABEL_INVALID', 3, 'label'],
      ['label,score\n\n1,abc\n', 'SCORE_INVALID', 3, 'score'],
      ['label,score\n1,NaN\n', 'SCORE_INVALID', 2, 'score'],
      ['label,score\n1,\n', 'SCORE_INVALID', 2, 'score'],
      ['label,score\n1,1.5\n', 'SCORE_OUT_OF_RANGE', 2, 'score'],
      ['label,score\n1,-0.01\n', 'SCORE_OUT_OF_RANGE', 2, 'score'],
      ['label,score\n0,1e999\n', 'SCORE_OUT_OF_RANGE', 2, 'score'],
      ['label,score,group\n1,0.5,a\n0,0.5, \n', 'GROUP_MISSING', 3, 'group'],
      ['label,score\n1,0.5,extra\n', 'ROW_FIELD_COUNT', 2, null],
      ['label,score\n"1,0.5\n', 'ROW_MALFORMED', 2, null],
      [`label,score\n1,0.${'5'.repeat(70000)}\n`, 'ROW_TOO_LONG', 2, null],
    ];
    const regression: [string, string, number, string | null][] = [
      ['target,prediction\n1,2\nx,2\n', 'TARGET_INVALID', 3, 'target'],
      ['target,prediction\n1,Infinity\n', 'PREDICTION_INVALID', 2, 'prediction'],
    ];
    const cases = [
      ...binary.map((c) => [metricsBinaryCommand, ...c] as const),
      ...regression.map((c) => [metricsRegressionCommand, ...c] as const),
    ];
    for (const [command, text, code, line, field] of cases) {
      const file = write('bad.csv', text);
      await assert.rejects(run(command, '--in', file), (e: unknown) => {
        assert.ok(e instanceof MetricsInputError, code);
        assert.deepEqual([e.code, e.line, e.field], [code, line, field]);
        return true;
      });
    }
  });

  it('refuses more distinct groups than the limit (an id column used as the group)', async () => {
    const rows = Array.from({ length: MAX_GROUPS + 1 }, (_, i) => `${i % 2},0.5,child-${i}`);
    const file = write('ids.csv', `label,score,group\n${rows.join('\n')}\n`);
    await assert.rejects(run(metricsBinaryCommand, '--in', file), (e: unknown) => {
      assert.ok(e instanceof MetricsInputError);
      assert.deepEqual([e.code, e.line, e.field], ['TOO_MANY_GROUPS', MAX_GROUPS + 2, 'group']);
      return true;
    });
  });

  it('stops for bad usage, an unreadable file or an unusable header', async () => {
    const failures: [Command, string[], string][] = [
      [metricsBinaryCommand, [], 'USAGE'],
      [
        metricsBinaryCommand,
        ['--in', write('a.csv', 'label,score\n1,0.5\n'), '--threshold', '1.5'],
        'USAGE',
      ],
      [metricsBinaryCommand, ['--in', path.join(dir, 'a.csv'), '--threshold', 'half'], 'USAGE'],
      [metricsBinaryCommand, ['--in', path.join(dir, 'a.csv'), '--bogus'], 'USAGE'],
      [metricsRegressionCommand, ['--in', path.join(dir, 'a.csv'), '--threshold', '0.5'], 'USAGE'],
      [metricsBinaryCommand, ['--in', path.join(dir, 'a.csv'), 'stray'], 'USAGE'],
      [metricsBinaryCommand, ['--in', path.join(dir, 'absent.csv')], 'INPUT_NOT_READABLE'],
      [metricsBinaryCommand, ['--in', dir], 'INPUT_NOT_READABLE'],
      [metricsBinaryCommand, ['--in', write('empty.csv', '\n\n')], 'CSV_HEADER_INVALID'],
      [
        metricsBinaryCommand,
        ['--in', write('noscore.csv', 'label,prob\n1,0.5\n')],
        'CSV_HEADER_INVALID',
      ],
      [
        metricsBinaryCommand,
        ['--in', write('twice.csv', 'label,score,Score\n')],
        'CSV_HEADER_INVALID',
      ],
      [metricsBinaryCommand, ['--in', write('quote.csv', '"label,score\n')], 'CSV_HEADER_INVALID'],
      [metricsRegressionCommand, ['--in', path.join(dir, 'a.csv')], 'CSV_HEADER_INVALID'],
      [metricsBinaryCommand, ['--in', write('header.csv', 'label,score\n\n')], 'NO_ROWS'],
    ];
    for (const [command, args, code] of failures) {
      await assert.rejects(run(command, ...args), (e: unknown) => hasCode(e, code), args.join(' '));
    }
  });
});
