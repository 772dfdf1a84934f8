import { strict as assert } from 'node:assert';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { CohortBuilder } from '../../../../benchmark/cohort-builder.js';
import type { WhoScores, WhoVisit } from '../../../../benchmark/growth/score-who.js';
import { scoreWho } from '../../../../benchmark/growth/score-who.js';
import { missingScores } from '../../../../benchmark/growth/who-scores.js';
import { generateSimSite } from '../../../../benchmark/sim/generate-sim-site.js';
import { SIM_SITES } from '../../../../benchmark/sim/sim-site-spec.js';
import { GROWTH_FALTERING } from '../../../../benchmark/tasks/growth-faltering.js';
import { standardSubgroup } from '../../../../benchmark/tasks/subgroups.js';
import { addChild } from './test-children.js';
import type { TestVisit } from './test-children.js';

/** A weighing whose (fake) weight-for-age z is `waz`. */
function w(age: number, waz: number): TestVisit {
  return { age, kg: 10 + waz };
}

/** WAZ = weight − 10; flagged or missing at the given ages. */
function fakeScore(flagAges: readonly number[] = [], nanAges: readonly number[] = []) {
  return (visit: WhoVisit): WhoScores => {
    const scores = missingScores();
    const waz = nanAges.includes(visit.ageDays) ? NaN : visit.weightKg - 10;
    return {
      ...scores,
      waz,
      flagged: { ...scores.flagged, waz: flagAges.includes(visit.ageDays) },
    };
  };
}

/** The label of each example, children that give none left out. */
function labels(
  cohort: Cohort,
  flagAges: readonly number[] = [],
  nanAges: readonly number[] = [],
): number[] {
  return [...GROWTH_FALTERING.buildExamples(cohort, fakeScore(flagAges, nanAges)).targets];
}

function labelsOf(...children: TestVisit[][]): number[] {
  const b = new CohortBuilder();
  children.forEach((visits) => addChild(b, visits));
  return labels(b.build());
}

const WIDTH = GROWTH_FALTERING.features.length;

describe('growth.faltering/v1', () => {
  it('declares the history input and one faltering label', () => {
    assert.equal(WIDTH, 42);
    assert.deepEqual(
      GROWTH_FALTERING.labels.map((l) => l.name),
      ['faltering'],
    );
  });

  it('needs a drop of more than 1.0, not exactly 1.0', () => {
    assert.deepEqual(labelsOf([w(100, 0.5), w(400, -0.5)], [w(100, 0.5), w(400, -0.51)]), [0, 1]);
  });

  it('pairs weighings at most 365 days apart', () => {
    assert.deepEqual(labelsOf([w(100, 1), w(465, -0.5)], [w(100, 1), w(466, -0.5)]), [1, 0]);
  });

  it('counts weighings before 731 days only', () => {
    assert.deepEqual(
      labelsOf([w(100, 0), w(400, 0), w(730, -1.5)], [w(100, 0), w(400, 0), w(731, -1.5)]),
      [1, 0],
    );
  });

  it('takes the last visit before 183 days as the index visit and needs one', () => {
    assert.deepEqual(labelsOf([w(182, 0), w(500, -1.5)], [w(183, 0), w(500, -1.5)]), [1]);
  });

  it('ignores weighings before the index visit, so a fall already under way is not a label', () => {
    const b = new CohortBuilder();
    addChild(b, [w(30, 2), { age: 150, head: 40 }, w(380, 0.5)], 2, 230);
    const ex = GROWTH_FALTERING.buildExamples(b.build(), fakeScore());
    assert.deepEqual([...ex.targets], [0]);
    const row = [...ex.features.subarray(0, WIDTH)];
    assert.deepEqual(row.slice(0, 2), [2, 230]);
    assert.ok(row.slice(2, 32).every(Number.isNaN));
    assert.deepEqual(row.slice(32), [30, 12, NaN, NaN, NaN, 150, NaN, NaN, 40, NaN]);
    assert.deepEqual(
      [...ex.subgroups],
      [standardSubgroup({ sex: 2, ageDays: 150, gestationalAgeDays: 230 })],
    );
  });

  it('measures a fall from the index visit itself', () => {
    assert.deepEqual(labelsOf([w(150, 0), w(400, -1.2)]), [1]);
  });

  it('finds the highest earlier weighing still within 365 days', () => {
    assert.deepEqual(
      labelsOf(
        [w(100, 1.5), w(200, 1.4), w(470, 0.3)],
        [w(100, 2), w(400, 1.5), w(470, 0.6)],
        [w(100, 0), w(200, 2), w(300, 0.9), w(400, 1)],
        [w(100, 0), w(200, 0.5), w(300, 1), w(500, 1.5)],
        [w(100, 2), w(200, 1.5), w(300, 0.9), w(400, 0.5)],
      ),
      [1, 0, 1, 0, 1],
    );
  });

  it('ignores flagged, undefined and estimated weights', () => {
    const b = new CohortBuilder();
    addChild(b, [w(100, 0), w(400, -3), w(500, -0.5)]);
    addChild(b, [w(100, 0), w(450, -3), w(500, -0.5)]);
    addChild(b, [w(100, 0), { age: 420, estimatedKg: 7 }, w(500, -0.5)]);
    assert.deepEqual(labels(b.build(), [400], [450]), [0, 0, 0]);
  });

  it('needs a usable weighing from 365 days on', () => {
    const b = new CohortBuilder();
    addChild(b, [w(100, 0), w(364, -0.5)]);
    addChild(b, [w(100, 0), w(365, -0.5)]);
    addChild(b, [w(100, 0), w(200, -2), w(400, -3)]);
    addChild(b, [w(100, 0), w(200, -2), { age: 400, estimatedKg: 7 }]);
    addChild(b, [w(100, 0), w(200, -2), w(731, -2)]);
    assert.deepEqual(labels(b.build(), [400]), [0]);
  });

  it('finds both classes on a Sim site', () => {
    const { cohort } = generateSimSite(SIM_SITES.followup, { children: 300, seed: 'x' });
    const ex = GROWTH_FALTERING.buildExamples(cohort, scoreWho);
    // Most children are seen before 6 months and again after 1 year.
    assert.ok(ex.rows > 150 && ex.rows < 300, `rows ${String(ex.rows)}`);
    const positives = ex.targets.filter((y) => y === 1).length;
    // The site gives a fifth of its children a faltering episode; some fall after 2 y.
    assert.ok(positives >= 3 && positives <= ex.rows * 0.3, `positives ${String(positives)}`);
    assert.ok(ex.targets.every((y) => y === 0 || y === 1));
    for (let r = 0; r < ex.rows; r += 1) assert.ok((ex.features[r * WIDTH + 37] ?? NaN) < 183);
  });
});
