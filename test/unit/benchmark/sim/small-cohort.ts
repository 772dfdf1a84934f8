/** The small hand-built cohort the Sim writer tests export in each format. */
import { MeasurementKind } from '../../../../benchmark/cohort.js';
import type { Cohort } from '../../../../benchmark/cohort.js';
import { CohortBuilder } from '../../../../benchmark/cohort-builder.js';

export const DAY_2020_01_01 = Date.UTC(2020, 0, 1) / 86_400_000;

/**
 * Two children: `S1-000001` (a boy born 2020-01-01 with `gestationalAgeDays`,
 * a weight and length on day 3, head circumference on day 60) and
 * `secondId` (a girl born a year earlier: an estimated weight, a height and
 * a BMI on day 790).
 */
export function smallCohort(secondId: string, gestationalAgeDays: number): Cohort {
  const builder = new CohortBuilder();
  const a = builder.addChild({
    id: 'S1-000001',
    sex: 1,
    birthDay: DAY_2020_01_01,
    gestationalAgeDays,
  });
  const b = builder.addChild({ id: secondId, sex: 2, birthDay: DAY_2020_01_01 - 365 });
  const add = (childIndex: number, ageDays: number, kind: MeasurementKind, value: number) =>
    builder.addMeasurement({ childIndex, ageDays, kind, value });
  add(a, 3, MeasurementKind.weight, 3.45);
  add(a, 3, MeasurementKind.length, 50.2);
  add(a, 60, MeasurementKind.headCircumference, 38.1);
  builder.addMeasurement({
    childIndex: b,
    ageDays: 790,
    kind: MeasurementKind.weight,
    value: 12.5,
    estimated: true,
  });
  add(b, 790, MeasurementKind.height, 88);
  add(b, 790, MeasurementKind.bmi, 16.14);
  return builder.build();
}
