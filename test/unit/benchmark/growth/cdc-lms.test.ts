import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import type { CdcChart } from '../../../../benchmark/growth/cdc-lms.js';
import { cdcLms } from '../../../../benchmark/growth/cdc-lms.js';
import type { GrowthIndicator } from '../../../../benchmark/growth/growth-indicators.js';
import { normalQuantile } from '../../../../benchmark/growth/normal-cdf.js';
import { scoreIndicator } from '../../../../benchmark/growth/score-indicator.js';

/** A CDC chart file as records; the header line repeats where the girls start in two files. */
function readChart(file: string): Record<string, number>[] {
  const url = new URL(`../../../fixtures/growth/cdc2000/${file}`, import.meta.url);
  const lines = readFileSync(url, 'utf8').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  return lines
    .filter((line) => /^\d/.test(line))
    .map((line) => {
      const fields = line.split(',').map(Number);
      return Object.fromEntries(header.map((name, i) => [name, fields[i] ?? Number.NaN]));
    });
}

/** chart file → our chart, the indicator that scores it, CDCref_d's first grid point, shared points. */
const CHARTS: [string, CdcChart, GrowthIndicator, number, number][] = [
  ['wtageinf.csv', 'wfa', 'cdc2000.wfa_inf', 0, 74],
  ['lenageinf.csv', 'lfa', 'cdc2000.lfa_inf', 0, 74],
  ['hcageinf.csv', 'hcfa', 'cdc2000.hcfa_inf', 0, 74],
  ['wtleninf.csv', 'wfl', 'cdc2000.wfl_inf', 45, 118],
  ['wtage.csv', 'wfa', 'cdc2000.wfa', 0, 432],
  ['statage.csv', 'sfa', 'cdc2000.sfa', 23.5, 432],
  ['bmiagerev.csv', 'bfa', 'cdc2000.bfa', 23.5, 432],
  ['wtstat.csv', 'wfs', 'cdc2000.wfs', 77, 90],
];

const xOf = (row: Record<string, number>): number =>
  row.Agemos ?? row.Length ?? row.Height ?? Number.NaN;

/** CDCref_d's grid: its first point, then every x.5 (24.0, 36.0 and 240.5 of the files are off it). */
const onGrid = (x: number, first: number): boolean => x === first || x % 1 === 0.5;

describe('growth/cdc-lms against the published CDC 2000 chart files', () => {
  it('equals every chart file at every grid point CDCref_d shares with it', () => {
    for (const [file, chart, , first, sharedPoints] of CHARTS) {
      let compared = 0;
      for (const row of readChart(file)) {
        const lms = cdcLms(chart, row.Sex ?? 0, xOf(row));
        // The grid's closing point (240, 103.5, …) has no bracket of its own.
        if (lms === undefined || !onGrid(xOf(row), first)) continue;
        const exact = lms.l === row.L && lms.m === row.M && lms.s === row.S;
        // From 24 months the SAS reference takes infant weights from the 2–20 y chart.
        const childWeight = file === 'wtageinf.csv' && xOf(row) >= 24;
        assert.ok(exact || childWeight, `${file} sex ${row.Sex} x ${xOf(row)}`);
        if (childWeight) assert.ok(Math.abs((lms.l - (row.L ?? 0)) / (row.L ?? 1)) < 2e-5);
        compared += 1;
      }
      assert.equal(compared, sharedPoints, file);
    }
  });

  it('scores each published percentile curve at its nominal z and percentile', () => {
    for (const [file, , indicator, first] of CHARTS) {
      // lenageinf.csv's curves were drawn from z rounded to 5 decimals: 4e-6 off everywhere.
      const tolerance = file === 'lenageinf.csv' ? 5e-6 : 1e-7;
      let compared = 0;
      for (const row of readChart(file)) {
        const x = xOf(row);
        // Infant weights from 24 months are the 2–20 y chart's (previous test), and where
        // |L| < 0.01 CDC's z is the log form, not the Box-Cox the curves were drawn with.
        if (!onGrid(x, first) || (file === 'wtageinf.csv' && x >= 24)) continue;
        if (Math.abs(row.L ?? 0) < 0.01) continue;
        for (const [column, value] of Object.entries(row).filter(([c]) => /^P\d+$/.test(c))) {
          const p = Number(column.slice(1)) / 100;
          const score = scoreIndicator(indicator, row.Sex ?? 0, x, value);
          if (score.reason !== undefined) continue; // outside the indicator (240, 77 cm, …)
          const where = `${file} sex ${row.Sex} x ${x} ${column}`;
          assert.ok(Math.abs(score.z - normalQuantile(p)) < tolerance, where);
          assert.ok(Math.abs(score.percentile - 100 * p) < 100 * tolerance, where);
          compared += 1;
        }
      }
      assert.ok(compared > 400, `${file}: ${compared}`);
    }
  });

  it('uses the log form where |L| < 0.01, off the Box-Cox curves by up to 2e-3 in z', () => {
    const row = readChart('wtageinf.csv').find((r) => r.Sex === 2 && r.Agemos === 10.5);
    assert.ok(row?.L !== undefined && Math.abs(row.L) < 0.01 && row.P97 !== undefined);
    const z = scoreIndicator('cdc2000.wfa_inf', 2, 10.5, row.P97).z;
    const expected = Math.log(row.P97 / (row.M ?? 1)) / (row.S ?? 1);
    assert.ok(Math.abs(z - expected) < 1e-12);
    assert.ok(Math.abs(z - normalQuantile(0.97)) > 1e-3);
  });

  it('interpolates 24 ≤ age < 24.5 from 23.5 as the SAS program does', () => {
    const row24 = (file: string) => readChart(file).find((r) => r.Sex === 1 && r.Agemos === 24);
    // CDCref_d's 23.5-month stature and BMI rows lie on the line through 24 and
    // 24.5, so at 24.0 they give the published 2–20 y rows.
    for (const [file, chart] of [
      ['statage.csv', 'sfa'],
      ['bmiagerev.csv', 'bfa'],
    ] as const) {
      const lms = cdcLms(chart, 1, 24);
      const row = row24(file);
      assert.ok(lms !== undefined && row?.M !== undefined && row.L !== undefined);
      assert.ok(Math.abs(lms.m / row.M - 1) < 1e-12 && Math.abs(lms.l / row.L - 1) < 1e-9, file);
    }
    // Weight at 23.5 is the infant chart's, so the SAS value at 24.0 is not wtage.csv's.
    const low = cdcLms('wfa', 1, 23.5);
    const high = cdcLms('wfa', 1, 24.5);
    const at24 = cdcLms('wfa', 1, 24);
    const row = row24('wtage.csv');
    assert.ok(
      low !== undefined && high !== undefined && at24 !== undefined && row?.L !== undefined,
    );
    assert.equal(at24.l, low.l + (0.5 * (high.l - low.l)) / 1);
    assert.ok(Math.abs(at24.l - row.L) > 4e-4, `${at24.l} vs ${row.L}`);
  });

  it('never extrapolates past the charts', () => {
    const outside: [CdcChart, number][] = [
      ['wfa', 240],
      ['wfa', -0.1],
      ['sfa', 23.4],
      ['lfa', 36.5],
      ['hcfa', 36.5],
      ['wfl', 44.9],
      ['wfl', 103.5],
      ['wfs', 121.5],
      ['wfs', 76.9],
    ];
    for (const [chart, x] of outside) assert.equal(cdcLms(chart, 1, x), undefined, `${chart} ${x}`);
  });
});
