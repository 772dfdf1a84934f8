import { strict as assert } from 'node:assert';
import type { GrowthIndicator } from '../../../../benchmark/growth/growth-indicators.js';
import type { GrowthMeasurement } from '../../../../benchmark/growth/score-measurement.js';
import { scoreMeasurement } from '../../../../benchmark/growth/score-measurement.js';
import { scoreIndicator } from '../../../../benchmark/growth/score-indicator.js';
import { num, readCsvFixture, round2 } from './csv-fixture.js';

const nan = Number.NaN;
function row(overrides: Partial<GrowthMeasurement>): GrowthMeasurement {
  return {
    indicator: 'who2006.wfa',
    sex: 1,
    ageDays: nan,
    ageMonths: nan,
    measure: undefined,
    weightKg: nan,
    lenheiCm: nan,
    headcCm: nan,
    armcCm: nan,
    triskinMm: nan,
    subskinMm: nan,
    bmi: nan,
    ...overrides,
  };
}

describe('growth/score-measurement', () => {
  it('reproduces the WHO macro on its example survey, one indicator per row', () => {
    const survey = readCsvFixture('survey_z_st.csv');
    const pastSixtyMonths = new Set(['4', '44', '95', '343']);
    const cases: [GrowthIndicator, string, boolean][] = [
      ['who2006.wfa', '_ZWEI', true],
      ['who2006.lhfa', '_ZLEN', false],
      ['who2006.wfl', '_ZWFL', true],
      ['who2006.wfh', '_ZWFL', true], // the same WHO indicator: the age picks the table
      ['who2006.bfa', '_ZBMI', true],
      ['who2006.hcfa', '_ZHC', false],
    ];
    for (const [indicator, column, weightBased] of cases) {
      let compared = 0;
      for (const r of survey.filter((s) => !pastSixtyMonths.has(s.id ?? ''))) {
        const want = num(r[column]);
        if (Number.isNaN(want) || (weightBased && r.oedema === 'y')) continue;
        const score = scoreMeasurement(
          row({
            indicator,
            sex: num(r.GENDER),
            ageMonths: num(r.agemons),
            ageDays: num(r._agedays),
            measure: r.measure === 'l' || r.measure === 'h' ? r.measure : undefined,
            weightKg: num(r.WEIGHT),
            lenheiCm: num(r.HEIGHT),
            headcCm: num(r.HEAD),
          }),
        );
        assert.equal(round2(score.z), want, `${indicator} id ${r.id}: ${score.z}`);
        compared += 1;
      }
      assert.ok(compared > 90, `${indicator}: ${compared}`);
    }
  });

  it('converts between days and months with 30.4375 days a month', () => {
    const byMonths = scoreMeasurement(row({ ageMonths: 10, weightKg: 9 }));
    const byDays = scoreMeasurement(row({ ageDays: 304.375, weightKg: 9 }));
    assert.equal(byMonths.z, byDays.z);
    const cdc = scoreMeasurement(row({ indicator: 'cdc2000.wfa', ageDays: 3652.5, weightKg: 32 }));
    assert.equal(cdc.z, scoreIndicator('cdc2000.wfa', 1, 120, 32).z);
  });

  it('corrects WHO 2006 stature by ±0.7 cm, never CDC or WHO 2007 stature', () => {
    const standing = scoreMeasurement(
      row({ indicator: 'who2006.lhfa', ageDays: 400, measure: 'h', lenheiCm: 75.3 }),
    );
    assert.equal(standing.z, scoreIndicator('who2006.lhfa', 1, 400, 76).z);
    const lying = scoreMeasurement(
      row({ indicator: 'who2006.lhfa', ageDays: 800, measure: 'l', lenheiCm: 86.7 }),
    );
    assert.ok(Math.abs(lying.z - scoreIndicator('who2006.lhfa', 1, 800, 86).z) < 1e-12);
    const cdc = scoreMeasurement(
      row({ indicator: 'cdc2000.sfa', ageMonths: 30, measure: 'l', lenheiCm: 90 }),
    );
    assert.equal(cdc.z, scoreIndicator('cdc2000.sfa', 1, 30, 90).z);
  });

  it('picks weight-for-length or -height by age, by position when the age is missing', () => {
    const wfl = (ageDays: number, measure: 'l' | 'h' | undefined, lenheiCm: number) =>
      scoreMeasurement(row({ indicator: 'who2006.wfh', ageDays, measure, lenheiCm, weightKg: 11 }));
    assert.equal(wfl(700, 'l', 80).z, scoreIndicator('who2006.wfl', 1, 80, 11).z);
    assert.equal(wfl(731, 'h', 80).z, scoreIndicator('who2006.wfh', 1, 80, 11).z);
    assert.equal(wfl(nan, 'l', 80).z, scoreIndicator('who2006.wfl', 1, 80, 11).z);
    assert.equal(wfl(nan, undefined, 90).z, scoreIndicator('who2006.wfh', 1, 90, 11).z);
    assert.equal(wfl(1830, 'h', 100).reason, 'AGE_OUT_OF_RANGE');
  });

  it('uses a recorded BMI as it is, and computes it otherwise', () => {
    const recorded = scoreMeasurement(row({ indicator: 'cdc2000.bfa', ageMonths: 100, bmi: 17 }));
    assert.equal(recorded.z, scoreIndicator('cdc2000.bfa', 1, 100, 17).z);
    const computed = scoreMeasurement(
      row({ indicator: 'cdc2000.bfa', ageMonths: 100, weightKg: 27, lenheiCm: 130 }),
    );
    assert.equal(computed.z, scoreIndicator('cdc2000.bfa', 1, 100, 27 / 1.3 ** 2).z);
    const noHeight = scoreMeasurement(
      row({ indicator: 'who2007.bfa', ageMonths: 100, weightKg: 27 }),
    );
    assert.equal(noHeight.reason, 'MEASUREMENT_MISSING');
    const zeroHeight = scoreMeasurement(
      row({ indicator: 'who2007.bfa', ageMonths: 100, weightKg: 27, lenheiCm: 0 }),
    );
    assert.equal(zeroHeight.reason, 'MEASUREMENT_NOT_POSITIVE');
  });
});
