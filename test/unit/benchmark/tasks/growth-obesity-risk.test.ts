import { strict as assert } from 'node:assert';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { CohortBuilder } from '../../../../benchmark/cohort-builder.js';
import type { WhoScores, WhoVisit } from '../../../../benchmark/growth/score-who.js';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';
import { missingScores } from '../../../../benchmark/growth/who-scores.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import { GROWTH_OBESITY_RISK } from '../../../../benchmark/tasks/growth-obesity-risk.js';
import { standardSubgroup } from '../../../../benchmark/tasks/subgroups.js';
import { addChild } from './test-children.js';
import type { TestVisit } from './test-children.js';

/** An early visit the model may see. */
function early(age: number): TestVisit {
  return { age, kg: 10, cm: 80, lying: false };
}

/** An outcome visit whose (fake) BMI-for-age z is `baz`. */
function later(age: number, baz: number): TestVisit {
  return { age, kg: 20 + baz, cm: 115, lying: false };
}

/** BAZ = weight − 20 (even without a stature, so only the task skips incomplete visits); flagged or missing at the given ages. */
function fakeScore(flagAges: readonly number[] = [], nanAges: readonly number[] = []) {
  return (visit: WhoVisit): WhoScores => {
    const scores = missingScores();
    const baz = nanAges.includes(visit.ageDays) ? NaN : visit.weightKg - 20;
    return {
      ...scores,
      baz,
      flagged: { ...scores.flagged, baz: flagAges.includes(visit.ageDays) },
    };
  };
}

function labels(
  cohort: Cohort,
  flagAges: readonly number[] = [],
  nanAges: readonly number[] = [],
): number[] {
  return [...GROWTH_OBESITY_RISK.buildExamples(cohort, fakeScore(flagAges, nanAges)).targets];
}

const WIDTH = GROWTH_OBESITY_RISK.features.length;
const INDEX_AGE = 37;

describe('growth.obesity-risk/v1', () => {
  it('declares the history input without query columns and one obesity label', () => {
    assert.equal(WIDTH, 42);
    assert.deepEqual(
      GROWTH_OBESITY_RISK.labels.map((l) => l.name),
      ['obesity'],
    );
    assert.equal(GROWTH_OBESITY_RISK.scoreBins, 20);
  });

  it('labels obesity as BAZ strictly above 2 at any outcome visit', () => {
    const b = new CohortBuilder();
    addChild(b, [early(400), later(2000, 2)]);
    addChild(b, [early(400), later(2000, 2.01)]);
    addChild(b, [early(400), later(2000, 1), later(2400, 2.5), later(2800, 0)]);
    addChild(b, [early(400), later(2000, -3), later(2400, 1.9)]);
    assert.deepEqual(labels(b.build()), [0, 1, 1, 0]);
  });

  it('counts outcome visits from 1826 to 2922 days, both inclusive', () => {
    const b = new CohortBuilder();
    addChild(b, [early(400), later(1825, 3), later(1826, 3)]);
    addChild(b, [early(400), later(1825, 3), later(2000, 0)]);
    addChild(b, [early(400), later(2922, 3), later(2923, 0)]);
    addChild(b, [early(400), later(2000, 0), later(2923, 3)]);
    addChild(b, [early(400), later(1825, 3)]);
    addChild(b, [early(400), later(2923, 3)]);
    assert.deepEqual(labels(b.build()), [1, 0, 1, 0]);
  });

  it('sees visits before 1096 days only, and needs one', () => {
    const b = new CohortBuilder();
    addChild(b, [early(30), early(1095), early(1096), early(1500), later(2000, 3)], 2, 245);
    addChild(b, [early(1096), later(2000, 3)]);
    const ex = GROWTH_OBESITY_RISK.buildExamples(b.build(), fakeScore());
    assert.equal(ex.rows, 1);
    const row = [...ex.features.subarray(0, WIDTH)];
    assert.deepEqual(row.slice(0, 2), [2, 245]);
    assert.ok(row.slice(2, 32).every(Number.isNaN));
    assert.deepEqual(row.slice(32), [30, 10, 80, NaN, 0, 1095, 10, 80, NaN, 0]);
    assert.deepEqual(
      [...ex.subgroups],
      [standardSubgroup({ sex: 2, ageDays: 1095, gestationalAgeDays: 245 })],
    );
  });

  it('ignores flagged, undefined, incomplete and estimated outcome values', () => {
    const b = new CohortBuilder();
    addChild(b, [early(400), later(2000, 9), later(2400, 0)]);
    addChild(b, [early(400), later(2000, 9)]);
    addChild(b, [early(400), later(2100, 3), later(2400, 1)]);
    addChild(b, [early(400), { age: 2200, kg: 25 }, later(2400, 1)]);
    addChild(b, [
      early(400),
      { age: 2300, estimatedKg: 25, cm: 115, lying: false },
      later(2400, 1),
    ]);
    addChild(b, [early(400), { age: 2300, estimatedKg: 25, cm: 115, lying: false }]);
    const ex = GROWTH_OBESITY_RISK.buildExamples(b.build(), fakeScore([2000], [2100]));
    assert.deepEqual([...ex.targets], [0, 0, 0, 0]);
    assert.equal(ex.rows, 4);
  });

  it('finds both classes on a Sim site', () => {
    const { cohort } = generateSimSite(SIM_SITES.followup, { children: 300, seed: 'x' });
    const ex = GROWTH_OBESITY_RISK.buildExamples(cohort, scoreWho);
    // A fifth of the children are followed past 5 y; obesity at 5–8 y is a few per cent.
    assert.ok(ex.rows > 30 && ex.rows < 90, `rows ${String(ex.rows)}`);
    const positives = ex.targets.filter((y) => y === 1).length;
    assert.ok(positives >= 1 && positives <= ex.rows * 0.2, `positives ${String(positives)}`);
    assert.ok(ex.targets.every((y) => y === 0 || y === 1));
    for (let r = 0; r < ex.rows; r += 1)
      assert.ok((ex.features[r * WIDTH + INDEX_AGE] ?? NaN) < 1096);
  });
});
