import { strict as assert } from 'node:assert';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { hasCode } from '../../../../benchmark/errors.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import { SimUnit } from '../../../../benchmark/sim/sim-units.js';
import { LONG_CSV_HEADER, toLongCsv } from '../../../../benchmark/sim/to-long-csv.js';
import { smallCohort as sharedSmallCohort } from './small-cohort.js';

const smallCohort = (): Cohort => sharedSmallCohort('odd,"id"', 245);

describe('sim/to-long-csv', () => {
  it('writes the header and one formatted row per measurement', () => {
    const lines = toLongCsv(smallCohort());
    assert.deepEqual(lines, [
      'child_id,sex,birth_date,gestational_age_weeks,measurement_date,kind,value,unit,estimated\n',
      'S1-000001,M,2020-01-01,35.0,2020-01-04,weight,3.45,kg,0\n',
      'S1-000001,M,2020-01-01,35.0,2020-01-04,length,50.2,cm,0\n',
      'S1-000001,M,2020-01-01,35.0,2020-03-01,head_circumference,38.1,cm,0\n',
      '"odd,""id""",F,2019-01-01,,2021-03-01,weight,12.5,kg,1\n',
      '"odd,""id""",F,2019-01-01,,2021-03-01,height,88,cm,0\n',
      '"odd,""id""",F,2019-01-01,,2021-03-01,bmi,16.14,kg/m2,0\n',
    ]);
    assert.equal(lines[0], `${LONG_CSV_HEADER}\n`);
  });

  it('converts to g, lb and in exactly when units are given', () => {
    const units = Uint8Array.from([
      SimUnit.g,
      SimUnit.in,
      SimUnit.in,
      SimUnit.lb,
      SimUnit.cm,
      SimUnit.kgPerM2,
    ]);
    const values = toLongCsv(smallCohort(), { units })
      .slice(1)
      .map((line) => line.split(',').slice(-3, -1));
    assert.deepEqual(values.slice(0, 2), [
      ['3450', 'g'],
      ['19.76', 'in'], // 50.2 / 2.54 = 19.7638
    ]);
    assert.deepEqual(values[2], ['15', 'in']); // 38.1 / 2.54 = 15 exactly
    assert.deepEqual(values.at(-3)?.slice(1), ['lb']);
    assert.equal(values.at(-3)?.[0], '27.56'); // 12.5 / 0.45359237 = 27.5578
  });

  it('refuses units that do not match the measurements', () => {
    for (const units of [new Uint8Array(2), Uint8Array.from([0, 3, 3, 0, 3, 9])]) {
      assert.throws(
        () => toLongCsv(smallCohort(), { units }),
        (e: unknown) => hasCode(e, 'SIM_UNITS_MISMATCH'),
      );
    }
  });

  it('mixes units deterministically and every value converts back to SI', () => {
    const { cohort, units } = generateSimSite(SIM_SITES.urban, {
      children: 300,
      seed: 'units',
      unitMix: true,
    });
    assert.ok(units !== undefined);
    const lines = toLongCsv(cohort, { units });
    assert.deepEqual(lines, toLongCsv(cohort, { units }));
    assert.deepEqual(
      toLongCsv(cohort, { unitMix: true, seed: 'x' }),
      toLongCsv(cohort, { unitMix: true, seed: 'x' }),
    );
    const toSi: Record<string, [number, number]> = {
      kg: [1, 0.0005],
      g: [0.001, 0.0005],
      lb: [0.45359237, 0.003],
      cm: [1, 0.005],
      in: [2.54, 0.013],
      'kg/m2': [1, 0.005],
    };
    const seen = new Set<string>();
    lines.slice(1).forEach((line, i) => {
      const [value = '', unit = ''] = line.split(',').slice(-3, -1);
      const [factor, tolerance] = toSi[unit] ?? [Number.NaN, 0];
      seen.add(unit);
      assert.ok(
        Math.abs(Number(value) * factor - (cohort.measurements.value[i] ?? 0)) <= tolerance,
        line,
      );
    });
    assert.deepEqual([...seen].sort(), ['cm', 'g', 'in', 'kg', 'kg/m2', 'lb']);
  });

  it('writes every Sim row with a valid kind, date and estimated flag', () => {
    const { cohort } = generateSimSite(SIM_SITES.followup, { children: 50, seed: 'rows' });
    const lines = toLongCsv(cohort);
    assert.equal(lines.length, cohort.measurements.child.length + 1);
    const row =
      /^S3-\d{6},[MF],\d{4}-\d{2}-\d{2},\d{2}\.\d,\d{4}-\d{2}-\d{2},(weight|length|height|head_circumference|bmi),\d+(\.\d+)?,(kg|cm|kg\/m2),[01]\n$/;
    for (const line of lines.slice(1)) assert.match(line, row);
  });
});
