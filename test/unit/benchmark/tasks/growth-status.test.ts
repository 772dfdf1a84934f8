import { strict as assert } from 'node:assert';
import { MeasurementKind } from '../../../../benchmark/cohort.js';
import { CohortBuilder } from '../../../../benchmark/cohort-builder.js';
import type { WhoScores, WhoVisit } from '../../../../benchmark/growth/score-who.js';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import { statusLabels } from '../../../../benchmark/tasks/growth-status-labels.js';

const noFlags = { waz: false, haz: false, whz: false, baz: false, hcz: false };

function scores(
  z: Partial<Omit<WhoScores, 'flagged'>>,
  flagged: Partial<WhoScores['flagged']> = {},
): WhoScores {
  return {
    waz: NaN,
    haz: NaN,
    whz: NaN,
    baz: NaN,
    hcz: NaN,
    ...z,
    flagged: { ...noFlags, ...flagged },
  };
}

describe('growth.status examples', () => {
  it('uses the latest day with a measured weight and stature, ignoring estimates', () => {
    const b = new CohortBuilder();
    const c = b.addChild({ id: 'a', sex: 2, birthDay: 0 });
    b.addMeasurement({ childIndex: c, ageDays: 100, kind: MeasurementKind.weight, value: 5.1 });
    b.addMeasurement({ childIndex: c, ageDays: 100, kind: MeasurementKind.length, value: 60 });
    b.addMeasurement({
      childIndex: c,
      ageDays: 100,
      kind: MeasurementKind.headCircumference,
      value: 40,
    });
    b.addMeasurement({
      childIndex: c,
      ageDays: 400,
      kind: MeasurementKind.weight,
      value: 9,
      estimated: true,
    });
    b.addMeasurement({ childIndex: c, ageDays: 400, kind: MeasurementKind.length, value: 75 });
    b.addMeasurement({ childIndex: c, ageDays: 500, kind: MeasurementKind.weight, value: 9.5 });
    const noVisit = b.addChild({ id: 'b', sex: 1, birthDay: 0 });
    b.addMeasurement({ childIndex: noVisit, ageDays: 10, kind: MeasurementKind.weight, value: 3 });
    const seen: WhoVisit[] = [];
    const examples = GROWTH_STATUS.buildExamples(b.build(), (visit) => {
      seen.push(visit);
      return scores({ haz: -2.5 });
    });
    assert.equal(examples.rows, 1);
    assert.deepEqual([...examples.features], [2, 100, Math.fround(5.1), 60, 40, 1]);
    assert.equal(seen[0]?.recumbent, true);
    assert.deepEqual([...examples.targets], [1, NaN, NaN, NaN, NaN, NaN]);
  });

  it('applies the under-five cut-offs on WHZ and the 5-19 cut-offs on BAZ', () => {
    assert.deepEqual(
      statusLabels(1826, scores({ haz: -1, whz: 2.5, waz: -2.1, hcz: -2.2, baz: 9 })),
      [0, 0, 1, 1, 0, 1],
    );
    assert.deepEqual(
      statusLabels(1827, scores({ haz: -3, baz: 1.5, waz: 0, whz: 9, hcz: -9 })),
      [1, 0, 0, 1, 0, -1],
    );
    assert.deepEqual(statusLabels(3000, scores({ baz: 2.01 })), [-1, 0, -1, 1, 1, -1]);
  });

  it('leaves a label undefined when its z is flagged implausible', () => {
    assert.deepEqual(
      statusLabels(300, scores({ haz: -7, whz: 0, waz: 0, hcz: 0 }, { haz: true })),
      [-1, 0, 0, 0, 0, 0],
    );
  });
});
