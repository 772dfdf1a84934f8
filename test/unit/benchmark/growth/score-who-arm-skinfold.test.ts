import { strict as assert } from 'node:assert';
import type { GrowthIndicator } from '../../../../benchmark/growth/growth-indicators.js';
import { lmsValueRestricted } from '../../../../benchmark/growth/lms.js';
import { scoreIndicator } from '../../../../benchmark/growth/score-indicator.js';
import { whoLms } from '../../../../benchmark/growth/who-lms.js';
import { num, readCsvFixture, round2 } from './csv-fixture.js';

describe('WHO 2006 arm circumference and skinfolds against the igrowup_standard macro', () => {
  const rows = readCsvFixture('survey_z_st.csv');
  // Aged 1832–1852 days: scored by the old macro, past anthro's 60 months now.
  const pastSixtyMonths = new Set(['4', '44', '95', '343']);
  const cases: [GrowthIndicator, string, string, string, number][] = [
    ['who2006.acfa', 'MUAC', '_ZAC', '_FAC', 446],
    ['who2006.tsfa', 'TRI', '_ZTS', '_FTS', 443],
    ['who2006.ssfa', 'SUB', '_ZSS', '_FSS', 436],
  ];

  it('matches every _ZAC, _ZTS and _ZSS to 2 decimals, and the flags', () => {
    for (const [indicator, column, zColumn, flagColumn, published] of cases) {
      let compared = 0;
      for (const row of rows) {
        const want = num(row[zColumn]);
        if (Number.isNaN(want)) continue;
        const score = scoreIndicator(
          indicator,
          num(row.GENDER),
          num(row._agedays),
          num(row[column]),
        );
        if (pastSixtyMonths.has(row.id ?? '')) {
          assert.equal(score.reason, 'AGE_OUT_OF_RANGE', `id ${row.id}`);
          continue;
        }
        assert.equal(round2(score.z), want, `${indicator} id ${row.id}: ${score.z}`);
        assert.equal(score.flagged, num(row[flagColumn]) === 1, `${indicator} id ${row.id} flag`);
        compared += 1;
      }
      assert.equal(compared, published - 4, indicator);
    }
  });

  it('scores nothing before day 91, where the tables start', () => {
    const young = rows.filter((r) => r.MUAC !== '' && num(r._agedays) < 91);
    assert.equal(young.length, 7);
    for (const row of young) {
      const score = scoreIndicator(
        'who2006.acfa',
        num(row.GENDER),
        num(row._agedays),
        num(row.MUAC),
      );
      assert.equal(score.reason, 'AGE_OUT_OF_RANGE');
      assert.ok(Number.isNaN(score.z));
    }
    // anthro compares the unrounded age with 91: day 90.6 rounds to row 91 but is not scored.
    assert.equal(scoreIndicator('who2006.tsfa', 1, 90.6, 8).reason, 'AGE_OUT_OF_RANGE');
    assert.ok(Number.isFinite(scoreIndicator('who2006.tsfa', 1, 91, 8).z));
  });

  it('restricts the tails beyond ±3 SD and flags |z| > 5 on the 2-decimal z', () => {
    const lms = whoLms('ssfa2006', 2, 400);
    assert.ok(lms !== undefined);
    for (const z of [-4.2, -3.5, 3.2, 4.99, 5.004, 5.006, 6.5]) {
      const value = lmsValueRestricted(z, lms.l, lms.m, lms.s);
      const score = scoreIndicator('who2006.ssfa', 2, 400, value);
      assert.ok(Math.abs(score.z - z) < 1e-9, `${z}: ${score.z}`);
      assert.equal(score.flagged, round2(z) > 5 || round2(z) < -5, `flag at ${z}`);
    }
  });
});
