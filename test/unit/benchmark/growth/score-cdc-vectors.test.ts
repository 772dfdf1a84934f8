import { strict as assert } from 'node:assert';
import type { GrowthIndicator } from '../../../../benchmark/growth/growth-indicators.js';
import { cdcModifiedZ } from '../../../../benchmark/growth/cdc-z.js';
import { cdcLms } from '../../../../benchmark/growth/cdc-lms.js';
import type { CdcChart } from '../../../../benchmark/growth/cdc-lms.js';
import { scoreIndicator } from '../../../../benchmark/growth/score-indicator.js';
import { num, readCsvFixture } from './csv-fixture.js';

/**
 * CDC's own SAS program (2022 version, with the extended BMI) on 8,596 of
 * growthcleanr's 17,191 synthetic records aged 25–230 months (the subset
 * is described in test/fixtures/growth/README.md).
 */
const rows = readCsvFixture('test_syngrowth_sas_output_compare.subset.csv');

/**
 * Half a unit in the last digit CDC printed (SAS writes about 10 significant
 * digits: "0.0022143726" → 5e-11, "8.9875051e-08" → 5e-16). A value that
 * rounds to CDC's text is within this of it.
 */
function halfUnit(text: string): number {
  const match = /^-?\d*(?:\.(\d*))?(?:e([+-]?\d+))?$/i.exec(text);
  assert.ok(match !== null, text);
  return 0.5 * 10 ** (Number(match[2] ?? 0) - (match[1] ?? '').length);
}

/**
 * Compares ours with every value CDC printed in `column`; returns the worst
 * error in units of half CDC's last digit (≤ 1 means ours rounds to CDC's
 * text) and the number of values compared.
 */
function worst(column: string, ours: (row: Record<string, string>) => number): [number, number] {
  let max = 0;
  let count = 0;
  for (const row of rows) {
    const text = row[column] ?? '';
    if (text === '') continue;
    const got = ours(row);
    assert.ok(!Number.isNaN(got), `${column}: no score for id ${row.id} at ${row.agemos} months`);
    max = Math.max(max, Math.abs(got - Number(text)) / halfUnit(text));
    count += 1;
  }
  return [max, count];
}

/**
 * ≤ 1 would be exact rounding. The 1 % slack (5e-12 on a percentile printed
 * to 1e-9) covers values that sit on a rounding boundary, where SAS's own
 * last-place arithmetic decided the printed digit.
 */
const PRINTED = 1.01;

const score = (indicator: GrowthIndicator, row: Record<string, string>, x: string, v: string) =>
  scoreIndicator(indicator, num(row.sex), num(row[x]), num(row[v]));

describe("CDC 2000 scores against CDC's SAS program (growthcleanr test output)", () => {
  it('reads the whole fixture', () => {
    assert.equal(rows.length, 8596);
  });

  it('matches waz, haz, whz and the original (LMS) bmiz to every printed digit', () => {
    const cases: [string, GrowthIndicator, string, string, number][] = [
      ['waz', 'cdc2000.wfa', 'agemos', 'weight', 8596],
      ['haz', 'cdc2000.sfa', 'agemos', 'height', 8596],
      ['original_bmiz', 'cdc2000.bfa', 'agemos', 'bmi', 8596],
      ['whz', 'cdc2000.wfs', 'height', 'weight', 3870],
    ];
    for (const [column, indicator, x, v, rowsWithValue] of cases) {
      const [max, count] = worst(column, (row) => score(indicator, row, x, v).z);
      assert.equal(count, rowsWithValue, column);
      assert.ok(max <= PRINTED, `${column}: ${max} half-units`);
    }
  });

  it('matches the extended bmiz and its percentile, including 839 rows above P95', () => {
    const extended = rows.filter((r) => r.bmiz !== r.original_bmiz);
    assert.equal(extended.length, 839);
    const [zError] = worst('bmiz', (row) => score('cdc2022ext.bfa_ext', row, 'agemos', 'bmi').z);
    assert.ok(zError <= PRINTED, `bmiz: ${zError}`);
    const [pError] = worst(
      'bmipct',
      (row) => score('cdc2022ext.bfa_ext', row, 'agemos', 'bmi').percentile,
    );
    assert.ok(pError <= PRINTED, `bmipct: ${pError}`);
  });

  it('matches every percentile to every printed digit, down to 5.6e-13 %', () => {
    const cases: [string, GrowthIndicator, string, string][] = [
      ['wapct', 'cdc2000.wfa', 'agemos', 'weight'],
      ['hapct', 'cdc2000.sfa', 'agemos', 'height'],
      ['original_bmipct', 'cdc2000.bfa', 'agemos', 'bmi'],
      ['whpct', 'cdc2000.wfs', 'height', 'weight'],
    ];
    for (const [column, indicator, x, v] of cases) {
      const [max] = worst(column, (row) => score(indicator, row, x, v).percentile);
      assert.ok(max <= PRINTED, `${column}: ${max}`);
    }
    const smallest = Math.min(...rows.map((r) => num(r.whpct)).filter((p) => !Number.isNaN(p)));
    assert.ok(smallest < 1e-11, `smallest whpct ${smallest}`);
  });

  it('matches the modified z-scores and the BIV flags', () => {
    const cases: [string, string, CdcChart, string, string, GrowthIndicator][] = [
      ['mod_waz', 'X_bivwt', 'wfa', 'agemos', 'weight', 'cdc2000.wfa'],
      ['mod_haz', 'X_bivht', 'sfa', 'agemos', 'height', 'cdc2000.sfa'],
      ['mod_bmiz', 'X_bivbmi', 'bfa', 'agemos', 'bmi', 'cdc2000.bfa'],
      ['mod_whz', 'X_bivwh', 'wfs', 'height', 'weight', 'cdc2000.wfs'],
    ];
    let flagged = 0;
    for (const [column, bivColumn, chart, x, v, indicator] of cases) {
      const [max] = worst(column, (row) => {
        const lms = cdcLms(chart, num(row.sex), num(row[x]));
        return lms === undefined ? Number.NaN : cdcModifiedZ(num(row[v]), lms.l, lms.m, lms.s);
      });
      assert.ok(max <= PRINTED, `${column}: ${max}`);
      for (const row of rows.filter((r) => r[bivColumn] !== '')) {
        const biv = num(row[bivColumn]) !== 0;
        assert.equal(score(indicator, row, x, v).flagged, biv, `${bivColumn} id ${row.id}`);
        if (biv) flagged += 1;
      }
    }
    assert.equal(flagged, 2); // one low BMI (row 13285 of the original), one low weight-for-height
  });

  it('needs CDC’s log form for |L| < 0.01: the plain LMS formula misses haz by up to 6e-4', () => {
    let plainWorst = 0;
    let logRows = 0;
    for (const row of rows) {
      const lms = cdcLms('sfa', num(row.sex), num(row.agemos));
      assert.ok(lms !== undefined);
      if (Math.abs(lms.l) >= 0.01) continue;
      logRows += 1;
      const plain = ((num(row.height) / lms.m) ** lms.l - 1) / (lms.l * lms.s);
      plainWorst = Math.max(plainWorst, Math.abs(plain - num(row.haz)));
    }
    assert.equal(logRows, 7);
    assert.ok(plainWorst > 1e-4, `plain LMS error ${plainWorst}`);
  });
});
