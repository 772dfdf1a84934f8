/** Hand-built children for the task tests: visits written as plain objects. */
import { MeasurementKind } from '../../../../benchmark/cohort.js';
import type { CohortBuilder } from '../../../../benchmark/cohort-builder.js';

/** One day's measurements; a missing field is not measured that day. */
export interface TestVisit {
  age: number;
  kg?: number;
  cm?: number;
  /** false for a standing height; a length otherwise. */
  lying?: boolean;
  head?: number;
  bmi?: number;
  /** A weight recorded as estimated, which tasks must ignore. */
  estimatedKg?: number;
}

let nextId = 0;

/** Adds a child born on day 0 with `visits`. */
export function addChild(
  b: CohortBuilder,
  visits: readonly TestVisit[],
  sex: 1 | 2 = 1,
  ga?: number,
): void {
  nextId += 1;
  const childIndex = b.addChild({
    id: `c${String(nextId)}`,
    sex,
    birthDay: 0,
    ...(ga === undefined ? {} : { gestationalAgeDays: ga }),
  });
  const add = (ageDays: number, kind: MeasurementKind, value?: number, estimated = false): void => {
    if (value !== undefined) b.addMeasurement({ childIndex, ageDays, kind, value, estimated });
  };
  for (const v of visits) {
    add(v.age, MeasurementKind.weight, v.kg);
    add(v.age, v.lying === false ? MeasurementKind.height : MeasurementKind.length, v.cm);
    add(v.age, MeasurementKind.headCircumference, v.head);
    add(v.age, MeasurementKind.bmi, v.bmi);
    add(v.age, MeasurementKind.weight, v.estimatedKg, true);
  }
}
