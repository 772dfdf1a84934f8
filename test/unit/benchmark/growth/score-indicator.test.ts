import { strict as assert } from 'node:assert';
import type { GrowthIndicator } from '../../../../benchmark/growth/growth-indicators.js';
import {
  GROWTH_INDICATORS,
  findGrowthIndicator,
} from '../../../../benchmark/growth/growth-indicators.js';
import { inXRange } from '../../../../benchmark/growth/indicator-spec.js';
import { normalCdf } from '../../../../benchmark/growth/normal-cdf.js';
import { scoreIndicator } from '../../../../benchmark/growth/score-indicator.js';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';

describe('growth/score-indicator', () => {
  it('has every indicator of the issue, each with its reference and name', () => {
    const names = Object.values(GROWTH_INDICATORS).map((s) => `${s.reference}/${s.name}`);
    assert.deepEqual(names, [
      ...['wfa', 'lhfa', 'bfa', 'hcfa', 'acfa', 'tsfa', 'ssfa', 'wfl', 'wfh'].map(
        (n) => `WHO2006/${n}`,
      ),
      ...['hfa', 'wfa', 'bfa'].map((n) => `WHO2007/${n}`),
      ...['wfa', 'sfa', 'bfa', 'wfa_inf', 'lfa_inf', 'hcfa_inf', 'wfl_inf', 'wfs'].map(
        (n) => `CDC2000/${n}`,
      ),
      'CDC2022ext/bfa_ext',
    ]);
  });

  it('finds indicators as analysts write them, case-insensitively', () => {
    assert.equal(findGrowthIndicator('who2006', 'WFA'), 'who2006.wfa');
    assert.equal(findGrowthIndicator(' CDC2000 ', 'wfl_inf'), 'cdc2000.wfl_inf');
    assert.equal(findGrowthIndicator('CDC2022EXT', 'bfa_ext'), 'cdc2022ext.bfa_ext');
    assert.equal(findGrowthIndicator('CDC2022ext', 'bfa'), 'cdc2022ext.bfa_ext');
    assert.equal(findGrowthIndicator('CDC2000', 'bfa_ext'), 'cdc2022ext.bfa_ext');
    for (const [ref, name] of [
      ['WHO2007', 'hcfa'],
      ['WHO2006', 'sfa'],
      ['CDC2022ext', 'wfa'],
      ['UK90', 'wfa'],
      ['', ''],
      ['who2006', 'constructor'],
    ]) {
      assert.equal(findGrowthIndicator(ref ?? '', name ?? ''), undefined, `${ref}/${name}`);
    }
  });

  it('gives the same z as scoreWho, and percentile 100·Φ(z)', () => {
    const who = scoreWho({
      sex: 2,
      ageDays: 500,
      weightKg: 9.1,
      statureCm: 77.2,
      recumbent: true,
      headCircumferenceCm: 45.1,
    });
    const cases: [GrowthIndicator, number, number, number][] = [
      ['who2006.wfa', 500, 9.1, who.waz],
      ['who2006.lhfa', 500, 77.2, who.haz],
      ['who2006.wfl', 77.2, 9.1, who.whz],
      ['who2006.bfa', 500, 9.1 / 0.772 ** 2, who.baz],
      ['who2006.hcfa', 500, 45.1, who.hcz],
    ];
    for (const [indicator, x, value, z] of cases) {
      const score = scoreIndicator(indicator, 2, x, value);
      assert.ok(Math.abs(score.z - z) < 1e-12, indicator);
      assert.equal(score.percentile, 100 * normalCdf(score.z));
      assert.equal(score.reason, undefined);
    }
  });

  it('says why a measurement has no score', () => {
    const cases: [GrowthIndicator, number, number, number, string][] = [
      ['who2006.wfa', 3, 100, 10, 'SEX_INVALID'],
      ['who2006.wfa', 0, 100, 10, 'SEX_INVALID'],
      ['who2006.wfa', 1, Number.NaN, 10, 'AGE_MISSING'],
      ['who2006.wfa', 1, -1, 10, 'AGE_OUT_OF_RANGE'],
      ['who2006.wfa', 1, 1826.25, 10, 'AGE_OUT_OF_RANGE'],
      ['who2006.wfl', 1, Number.NaN, 10, 'LENHEI_MISSING'],
      ['who2006.wfl', 1, 110.01, 10, 'LENHEI_OUT_OF_RANGE'],
      ['who2006.wfh', 1, 64.9, 10, 'LENHEI_OUT_OF_RANGE'],
      ['who2007.wfa', 1, 120.1, 30, 'AGE_OUT_OF_RANGE'],
      ['who2007.hfa', 1, 59.9, 110, 'AGE_OUT_OF_RANGE'],
      ['cdc2000.wfa', 1, 23.99, 12, 'AGE_OUT_OF_RANGE'],
      ['cdc2000.bfa', 1, 240, 20, 'AGE_OUT_OF_RANGE'],
      ['cdc2000.hcfa_inf', 1, 36.5, 49, 'AGE_OUT_OF_RANGE'],
      ['cdc2000.wfs', 1, 77, 10, 'LENHEI_OUT_OF_RANGE'],
      ['cdc2000.wfl_inf', 1, 103.5, 10, 'LENHEI_OUT_OF_RANGE'],
      ['who2006.hcfa', 2, 100, Number.NaN, 'MEASUREMENT_MISSING'],
      ['who2006.hcfa', 2, 100, 0, 'MEASUREMENT_NOT_POSITIVE'],
      ['cdc2000.wfa', 2, 100, 0.005, 'MEASUREMENT_NOT_POSITIVE'],
      ['cdc2000.wfa', 2, 100, Number.POSITIVE_INFINITY, 'MEASUREMENT_INVALID'],
    ];
    for (const [indicator, sex, x, value, reason] of cases) {
      const score = scoreIndicator(indicator, sex, x, value);
      assert.equal(score.reason, reason, `${indicator} ${sex} ${x} ${value}`);
      assert.ok(Number.isNaN(score.z) && Number.isNaN(score.percentile) && !score.flagged);
    }
  });

  it('scores just inside every range edge', () => {
    const inside: [GrowthIndicator, number, number][] = [
      ['who2006.wfa', 0, 3.3],
      ['who2006.wfa', 1826.2, 18],
      ['who2006.acfa', 91, 13],
      ['who2006.wfl', 45, 2.4],
      ['who2006.wfl', 110, 18],
      ['who2006.wfh', 120, 22],
      ['who2007.wfa', 120, 30],
      ['who2007.bfa', 228, 20],
      ['cdc2000.wfa', 24, 12],
      ['cdc2000.sfa', 239.99, 175],
      ['cdc2000.wfa_inf', 0, 3.5],
      ['cdc2000.lfa_inf', 36.49, 96],
      ['cdc2000.wfl_inf', 103.49, 16],
      ['cdc2000.wfs', 77.01, 10],
      ['cdc2000.wfs', 121.49, 23],
      ['cdc2022ext.bfa_ext', 24, 16],
    ];
    for (const [indicator, x, value] of inside) {
      assert.ok(inXRange(GROWTH_INDICATORS[indicator].range, x), `${indicator} ${x}`);
      assert.ok(Number.isFinite(scoreIndicator(indicator, 1, x, value).z), `${indicator} ${x}`);
    }
  });

  it('flags CDC values by the modified z: weight above +8, stature above +4', () => {
    assert.equal(scoreIndicator('cdc2000.wfa', 1, 60, 18).flagged, false);
    assert.equal(scoreIndicator('cdc2000.wfa', 1, 60, 60).flagged, true);
    assert.equal(scoreIndicator('cdc2000.sfa', 1, 60, 135).flagged, true);
    assert.equal(scoreIndicator('cdc2000.sfa', 1, 60, 65).flagged, true);
    assert.equal(scoreIndicator('cdc2000.hcfa_inf', 1, 12, 40).flagged, true);
  });
});
