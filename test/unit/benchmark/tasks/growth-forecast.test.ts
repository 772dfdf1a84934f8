import { strict as assert } from 'node:assert';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { CohortBuilder } from '../../../../benchmark/cohort-builder.js';
import type { WhoScores, WhoVisit } from '../../../../benchmark/growth/score-who.js';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';
import { missingScores } from '../../../../benchmark/growth/who-scores.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import { GROWTH_FORECAST, standardStatureCm } from '../../../../benchmark/tasks/growth-forecast.js';
import { subgroupCellCount } from '../../../../benchmark/tasks/subgroups.js';
import { standardSubgroup } from '../../../../benchmark/tasks/subgroups.js';
import { addChild } from './test-children.js';
import type { TestVisit } from './test-children.js';

/** A complete visit: weight and length. */
function full(age: number, kg = 5, cm = 60): TestVisit {
  return { age, kg, cm };
}

/** No z-scores, except the flags asked for at the given ages. */
function fakeScore(flagAges: readonly number[] = []): (visit: WhoVisit) => WhoScores {
  return (visit) => {
    const scores = missingScores();
    const flagged = flagAges.includes(visit.ageDays);
    return { ...scores, flagged: { ...scores.flagged, haz: flagged } };
  };
}

const WIDTH = GROWTH_FORECAST.features.length;
/** Columns of the index visit (visit_8) and of the query. */
const INDEX_AGE = 37;
const TARGET_AGE = 42;

/** [index visit age, target age, weight, stature] of each row. */
function pairs(cohort: Cohort, flagAges: readonly number[] = []): number[][] {
  const ex = GROWTH_FORECAST.buildExamples(cohort, fakeScore(flagAges));
  return Array.from({ length: ex.rows }, (_, r) => [
    ex.features[r * WIDTH + INDEX_AGE] ?? -1,
    ex.features[r * WIDTH + TARGET_AGE] ?? -1,
    ex.targets[r * 2] ?? -1,
    ex.targets[r * 2 + 1] ?? -1,
  ]);
}

describe('growth.forecast/v1', () => {
  it('declares 43 input columns ending in target_age_days and two targets', () => {
    assert.equal(WIDTH, 43);
    assert.equal(GROWTH_FORECAST.features[INDEX_AGE]?.name, 'visit_8_age_days');
    assert.equal(GROWTH_FORECAST.features[TARGET_AGE]?.name, 'target_age_days');
    assert.deepEqual(
      GROWTH_FORECAST.targets.map((t) => [t.name, t.unit, t.maxError, t.maxApe]),
      [
        ['weight_kg', 'kg', 3, 0.5],
        ['stature_cm', 'cm', 6, 0.25],
      ],
    );
  });

  it('accepts gaps of exactly 91 and 548 days and nothing outside', () => {
    const b = new CohortBuilder();
    addChild(b, [full(100), full(191, 7, 66)]);
    addChild(b, [full(100), full(190)]);
    addChild(b, [full(100), full(648, 9, 75)]);
    addChild(b, [full(100), full(649)]);
    assert.deepEqual(pairs(b.build()), [
      [100, 191, 7, 66],
      [100, 648, 9, 75],
    ]);
  });

  it('takes the latest target and the latest visit at least 91 days before it', () => {
    const b = new CohortBuilder();
    addChild(b, [full(3), full(100), full(200), full(250), full(300, 8, 70)], 2, 240);
    const ex = GROWTH_FORECAST.buildExamples(b.build(), fakeScore());
    assert.equal(ex.rows, 1);
    const row = [...ex.features.subarray(0, WIDTH)];
    assert.deepEqual(row.slice(0, 2), [2, 240]);
    assert.ok(row.slice(2, 27).every(Number.isNaN));
    assert.deepEqual(row.slice(27), [
      3,
      5,
      60,
      NaN,
      1,
      100,
      5,
      60,
      NaN,
      1,
      200,
      5,
      60,
      NaN,
      1,
      300,
    ]);
    assert.deepEqual([...ex.targets], [8, 70]);
    assert.deepEqual(
      [...ex.subgroups],
      [standardSubgroup({ sex: 2, ageDays: 200, gestationalAgeDays: 240 })],
    );
  });

  it('falls back to an earlier target when the latest has no visit 91–548 days before it', () => {
    const b = new CohortBuilder();
    addChild(b, [full(100), full(300, 6, 64), full(900), full(950)]);
    assert.deepEqual(pairs(b.build()), [[100, 300, 6, 64]]);
  });

  it('skips incomplete, estimated-weight and implausible target visits', () => {
    const b = new CohortBuilder();
    addChild(b, [
      full(100),
      full(300, 6, 64),
      { age: 400, cm: 70 },
      { age: 410, kg: 8 },
      { age: 420, estimatedKg: 8, cm: 71 },
      full(430, 8.5, 72),
    ]);
    const cohort = b.build();
    assert.deepEqual(pairs(cohort, [430]), [[100, 300, 6, 64]]);
    // A flagged visit may still be seen as the index visit; it is only never a target.
    assert.deepEqual(pairs(cohort, [300]), [[300, 430, 8.5, 72]]);
    assert.deepEqual(pairs(cohort, [300, 430]), []);
  });

  it('lets any measured visit be the index visit, but not a day with nothing measured', () => {
    const b = new CohortBuilder();
    addChild(b, [{ age: 100, head: 40 }, { age: 190, bmi: 16 }, full(300, 6, 64)]);
    const [only] = pairs(b.build());
    assert.deepEqual(only, [100, 300, 6, 64]);
  });

  it('gives stature as length before 731 days and height from then, whatever the position', () => {
    const b = new CohortBuilder();
    addChild(b, [full(300), { age: 730, kg: 10, cm: 80, lying: false }]);
    addChild(b, [full(300), { age: 730, kg: 10, cm: 80, lying: true }]);
    addChild(b, [full(300), { age: 731, kg: 10, cm: 80, lying: true }]);
    addChild(b, [full(300), { age: 731, kg: 10, cm: 80, lying: false }]);
    const statures = pairs(b.build()).map((p) => p[3] ?? NaN);
    [80.7, 80, 79.3, 80].forEach((cm, i) => assert.ok(Math.abs((statures[i] ?? NaN) - cm) < 1e-9));
    assert.equal(statures.length, 4);
    const visit = { ageDays: 2000, weightKg: 18, statureCm: 110, recumbent: true, headCm: NaN };
    assert.ok(Math.abs(standardStatureCm(visit) - 109.3) < 1e-9);
  });

  it('builds a plausible number of examples from a Sim site', () => {
    const { cohort } = generateSimSite(SIM_SITES.followup, { children: 300, seed: 'x' });
    const ex = GROWTH_FORECAST.buildExamples(cohort, scoreWho);
    // Nearly every child has two visits 3–18 months apart; only very short histories drop out.
    assert.ok(ex.rows > 240 && ex.rows < 300, `rows ${String(ex.rows)}`);
    assert.equal(ex.features.length, ex.rows * WIDTH);
    for (let r = 0; r < ex.rows; r += 1) {
      const gap =
        (ex.features[r * WIDTH + TARGET_AGE] ?? 0) - (ex.features[r * WIDTH + INDEX_AGE] ?? 0);
      assert.ok(gap >= 91 && gap <= 548);
      assert.ok((ex.targets[r * 2] ?? 0) > 0.5 && (ex.targets[r * 2 + 1] ?? 0) > 30);
    }
    assert.ok(ex.subgroups.every((cell) => cell < subgroupCellCount(GROWTH_FORECAST.subgroups)));
  });
});
