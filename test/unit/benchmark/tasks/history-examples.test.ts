import { strict as assert } from 'node:assert';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { CohortBuilder } from '../../../../benchmark/cohort-builder.js';
import { missingScores } from '../../../../benchmark/growth/who-scores.js';
import {
  buildHistoryExamples,
  HISTORY_FEATURES,
  historyFeatures,
  isMeasured,
  lastMeasuredBefore,
} from '../../../../benchmark/tasks/history-examples.js';
import type { HistoryExampleRule } from '../../../../benchmark/tasks/history-examples.js';
import { standardSubgroup } from '../../../../benchmark/tasks/subgroups.js';
import { addChild } from './test-children.js';
import type { TestVisit } from './test-children.js';

/** Sex first, as this file's cases read best. */
function addChildOfSex(b: CohortBuilder, sex: 1 | 2, visits: TestVisit[], ga?: number): void {
  addChild(b, visits, sex, ga);
}

/** Test rule: index = last measured visit before 1000 days; query = visit count; target = index age. */
const RULE: HistoryExampleRule = {
  queryColumns: 1,
  outputs: 1,
  pick: (child, _score, query, targets) => {
    const at = lastMeasuredBefore(child.visits, 1000);
    if (at < 0) return -1;
    query[0] = child.visits.length;
    targets[0] = child.visits[at]?.ageDays ?? -1;
    return at;
  },
};

function build(cohort: Cohort): ReturnType<typeof buildHistoryExamples> {
  return buildHistoryExamples(cohort, () => missingScores(), RULE);
}

const WIDTH = HISTORY_FEATURES.length + 1;
const nan = Number.NaN;
const empty = [nan, nan, nan, nan, nan];

function row(features: Float32Array, r: number): number[] {
  return [...features.subarray(r * WIDTH, (r + 1) * WIDTH)];
}

describe('history examples', () => {
  it('lays out sex, gestation, 8 visit slots of 5 columns, then the query columns', () => {
    assert.equal(HISTORY_FEATURES.length, 42);
    assert.deepEqual(
      HISTORY_FEATURES.slice(0, 8).map((c) => c.name),
      [
        'sex',
        'gestational_age_days',
        'visit_1_age_days',
        'visit_1_weight_kg',
        'visit_1_stature_cm',
        'visit_1_head_circumference_cm',
        'visit_1_recumbent',
        'visit_2_age_days',
      ],
    );
    assert.equal(HISTORY_FEATURES[41]?.name, 'visit_8_recumbent');
    assert.match(HISTORY_FEATURES[38]?.description ?? '', /visit 8/);
    const withQuery = historyFeatures([{ name: 'target_age_days', description: 'd' }]);
    assert.equal(withQuery.length, 43);
    assert.equal(withQuery[42]?.name, 'target_age_days');
    assert.equal(new Set(withQuery.map((c) => c.name)).size, 43);
  });

  it('right-aligns the visits up to the index visit and pads older slots with NaN', () => {
    const b = new CohortBuilder();
    addChildOfSex(
      b,
      2,
      [
        { age: 10, kg: 3.5, cm: 50, head: 35 },
        { age: 200, kg: 7, cm: 66, lying: false },
        { age: 300, head: 44 },
        { age: 1200, kg: 12, cm: 90, lying: false },
      ],
      250,
    );
    const ex = build(b.build());
    assert.equal(ex.rows, 1);
    const expected = [2, 250, ...empty, ...empty, ...empty, ...empty, ...empty];
    expected.push(10, 3.5, 50, 35, 1, 200, 7, 66, nan, 0, 300, nan, nan, 44, nan, 4);
    assert.deepEqual(row(ex.features, 0), expected);
    assert.deepEqual([...ex.targets], [300]);
    assert.deepEqual(
      [...ex.subgroups],
      [standardSubgroup({ sex: 2, ageDays: 300, gestationalAgeDays: 250 })],
    );
  });

  it('keeps the 8 most recent visits, dropping the oldest, and skips days with nothing measured', () => {
    const b = new CohortBuilder();
    const visits: TestVisit[] = [];
    for (let i = 0; i < 10; i += 1) visits.push({ age: 10 + i * 50, kg: 3 + i });
    visits.splice(5, 0, { age: 255, bmi: 15 }, { age: 256, estimatedKg: 9 });
    addChildOfSex(b, 1, visits);
    const ex = build(b.build());
    const features = row(ex.features, 0);
    assert.deepEqual(features.slice(0, 2), [1, nan]);
    const slotAges = [0, 1, 2, 3, 4, 5, 6, 7].map((s) => features[2 + s * 5]);
    assert.deepEqual(slotAges, [110, 160, 210, 260, 310, 360, 410, 460]);
    assert.deepEqual(features.slice(37, 42), [460, 12, nan, nan, nan]);
    // 11 days in the history: the BMI-only day is a (blank) day, the estimated-only one is not.
    assert.equal(features[42], 11);
  });

  it('writes a row only for children the rule picks, keeping targets aligned', () => {
    const b = new CohortBuilder();
    addChildOfSex(b, 1, [{ age: 1000, kg: 12 }]);
    addChildOfSex(b, 2, [{ age: 999, kg: 11 }]);
    addChildOfSex(b, 1, [{ age: 5, bmi: 14 }]);
    addChildOfSex(b, 1, [{ age: 40, kg: 4 }], 230);
    const ex = build(b.build());
    assert.equal(ex.rows, 2);
    assert.deepEqual([...ex.targets], [999, 40]);
    assert.equal(ex.features.length, 2 * WIDTH);
    assert.deepEqual([row(ex.features, 0)[0], row(ex.features, 1)[0]], [2, 1]);
    assert.deepEqual(
      [...ex.subgroups],
      [
        standardSubgroup({ sex: 2, ageDays: 999, gestationalAgeDays: nan }),
        standardSubgroup({ sex: 1, ageDays: 40, gestationalAgeDays: 230 }),
      ],
    );
  });

  it('counts a day as measured only with a weight, stature or head circumference', () => {
    const blank = { ageDays: 1, weightKg: nan, statureCm: nan, recumbent: false, headCm: nan };
    assert.equal(isMeasured(blank), false);
    assert.equal(isMeasured({ ...blank, headCm: 40 }), true);
    assert.equal(isMeasured({ ...blank, statureCm: 60 }), true);
    assert.equal(isMeasured({ ...blank, weightKg: 6 }), true);
    const visits = [
      { ...blank, ageDays: 10, weightKg: 4 },
      { ...blank, ageDays: 20 },
      { ...blank, ageDays: 30, weightKg: 5 },
    ];
    assert.equal(lastMeasuredBefore(visits, 30), 0);
    assert.equal(lastMeasuredBefore(visits, 31), 2);
    assert.equal(lastMeasuredBefore(visits, 10), -1);
  });
});
