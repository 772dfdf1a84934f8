import { strict as assert } from 'node:assert';
import { MeasurementKind } from '../../../../benchmark/cohort.js';
import { CohortBuilder } from '../../../../benchmark/cohort-builder.js';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';
import type { WhoScores } from '../../../../benchmark/growth/score-who.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import { GROWTH_ZSCORE } from '../../../../benchmark/tasks/growth-zscore.js';
import {
  standardSubgroup,
  subgroupLevels,
  STANDARD_SUBGROUPS,
} from '../../../../benchmark/tasks/subgroups.js';

describe('benchmark/tasks one-visit tasks', () => {
  const cohort = generateSimSite(SIM_SITES.followup, { children: 200, seed: 'visit-tasks' }).cohort;

  it('growth.zscore targets are the unflagged WHO z-scores of the chosen visit', () => {
    const b = new CohortBuilder();
    const c = b.addChild({ id: 'a', sex: 1, birthDay: 0 });
    const add = (kind: number, value: number, ageDays = 300) =>
      b.addMeasurement({ childIndex: c, ageDays, kind: kind as 0, value });
    add(MeasurementKind.weight, 8.2);
    add(MeasurementKind.length, 70.1);
    add(MeasurementKind.headCircumference, 44.5);
    add(MeasurementKind.weight, 30, 200); // an earlier, implausible visit: not chosen
    const built = b.build();
    const examples = GROWTH_ZSCORE.buildExamples(built, scoreWho);
    const z = scoreWho({
      sex: 1,
      ageDays: 300,
      weightKg: 8.2,
      statureCm: 70.1,
      recumbent: true,
      headCircumferenceCm: 44.5,
    });
    assert.equal(examples.rows, 1);
    assert.deepEqual(Array.from(examples.targets), [z.waz, z.haz, z.baz, z.hcz]);
    const flagged: WhoScores = { ...z, flagged: { ...z.flagged, haz: true } };
    const withFlag = GROWTH_ZSCORE.buildExamples(built, () => flagged);
    assert.equal(withFlag.rows, 1);
    assert.ok(Number.isNaN(withFlag.targets[1]));
  });

  it('puts each example in its sex × age band × gestation cell', () => {
    const cell = standardSubgroup({ sex: 2, ageDays: 800, gestationalAgeDays: 250 });
    assert.deepEqual(subgroupLevels(STANDARD_SUBGROUPS, cell), {
      sex: 'female',
      age_band: '2-5y',
      gestation: 'preterm',
    });
    assert.deepEqual(
      subgroupLevels(
        STANDARD_SUBGROUPS,
        standardSubgroup({ sex: 1, ageDays: 730, gestationalAgeDays: 259 }),
      ),
      {
        sex: 'male',
        age_band: '0-2y',
        gestation: 'term',
      },
    );
    assert.equal(
      subgroupLevels(
        STANDARD_SUBGROUPS,
        standardSubgroup({ sex: 1, ageDays: 4000, gestationalAgeDays: NaN }),
      ).gestation,
      'unknown',
    );
    const examples = GROWTH_STATUS.buildExamples(cohort, scoreWho);
    const preterm = Array.from(examples.subgroups).filter((g) => g % 3 === 0).length;
    assert.ok(preterm > 0, 'the follow-up clinic has preterm children');
  });
});
