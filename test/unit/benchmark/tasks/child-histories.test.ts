import assert from 'node:assert/strict';
import { MeasurementKind } from '../../../../benchmark/cohort.js';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { CohortBuilder } from '../../../../benchmark/cohort-builder.js';
import {
  childHistories,
  emptyVisit,
  indexByChildAndAge,
  isComplete,
  lastCompleteVisit,
} from '../../../../benchmark/tasks/child-histories.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';

const KINDS = [
  MeasurementKind.weight,
  MeasurementKind.length,
  MeasurementKind.height,
  MeasurementKind.headCircumference,
  MeasurementKind.bmi,
];

/**
 * Children with a few measurements each on a few shared days (so days
 * repeat kinds and mix lengths with heights), some estimated; in child and
 * age order when `ordered`, else shuffled.
 */
function randomCohort(seed: string, ordered: boolean): Cohort {
  const rng = createPrng(seed);
  const rows: { child: number; age: number; kind: MeasurementKind; value: number; est: boolean }[] =
    [];
  const children = 60;
  for (let child = 0; child < children; child += 1) {
    const count = rng.int(9);
    for (let k = 0; k < count; k += 1) {
      const kind = KINDS[rng.int(KINDS.length)] as MeasurementKind;
      rows.push({
        child,
        age: 10 * rng.int(4),
        kind,
        value: 1 + rng.int(100),
        est: rng.chance(0.2),
      });
    }
  }
  if (ordered) rows.sort((a, b) => a.child - b.child || a.age - b.age);
  else rows.sort(() => rng.uniform() - 0.5);
  const b = new CohortBuilder();
  for (let child = 0; child < children; child += 1) {
    b.addChild({ id: `c${String(child)}`, sex: 1, birthDay: 0 });
  }
  for (const row of rows) {
    b.addMeasurement({
      childIndex: row.child,
      ageDays: row.age,
      kind: row.kind,
      value: row.value,
      estimated: row.est,
    });
  }
  return b.build();
}

describe('child histories', () => {
  it('indexes an ordered cohort without sorting, and a shuffled one by sorting', () => {
    assert.equal(indexByChildAndAge(randomCohort('index', true)).order, undefined);
    assert.notEqual(indexByChildAndAge(randomCohort('index', false)).order, undefined);
  });

  it('finds the last complete visit a forward pass over all visits finds', () => {
    for (const ordered of [true, false]) {
      for (const seed of ['a', 'b', 'c', 'd']) {
        const cohort = randomCohort(seed, ordered);
        const index = indexByChildAndAge(cohort);
        const histories = [...childHistories(cohort)];
        const expected = histories.map((h) => h.visits.findLast(isComplete));
        const found: unknown[] = [];
        const visit = emptyVisit(0);
        for (let child = 0; child + 1 < index.starts.length; child += 1) {
          // childHistories leaves out children without a measured visit; so must this.
          const hasVisit = lastCompleteVisit(cohort, index, child, visit);
          if (hasVisit) found.push({ ...visit });
          else if (hasMeasuredValue(cohort, index, child)) found.push(undefined);
        }
        assert.deepEqual(found, expected, `${seed}, ordered ${String(ordered)}`);
      }
    }
  });
});

function hasMeasuredValue(
  cohort: Cohort,
  { starts, order }: ReturnType<typeof indexByChildAndAge>,
  child: number,
): boolean {
  for (let k = starts[child] as number; k < (starts[child + 1] as number); k += 1) {
    if (cohort.measurements.estimated[order === undefined ? k : (order[k] as number)] === 0)
      return true;
  }
  return false;
}
