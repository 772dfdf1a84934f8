import { strict as assert } from 'node:assert';
import { CohortBuilder } from '../../../../../benchmark/cohort-builder.js';
import type { MeasurementKind } from '../../../../../benchmark/cohort.js';
import { CompactCohortBuilder } from '../../../../../node/data/csv/compact-cohort-builder.js';
import { MeasurementColumns } from '../../../../../benchmark/measurement-columns.js';

describe('node/data/csv/CompactCohortBuilder', () => {
  it('builds the same cohort as CohortBuilder, across several chunks', () => {
    const compact = new CompactCohortBuilder();
    const reference = new CohortBuilder();
    const weeks = [38.5, Number.NaN, 29.7, 40, 33.3];
    for (let i = 0; i < 5; i += 1) {
      const sex = i % 2 === 0 ? 1 : 2;
      const gestation = weeks[i] ?? Number.NaN;
      assert.equal(compact.addChild(`c${i}`, sex, 18_000 + i, gestation), i);
      reference.addChild({
        id: `c${i}`,
        sex,
        birthDay: 18_000 + i,
        ...(Number.isNaN(gestation) ? {} : { gestationalAgeDays: gestation * 7 }),
      });
    }
    const rows = 150_000; // more than two 64 Ki chunks
    for (let i = 0; i < rows; i += 1) {
      const [child, ageDays, kind, value, estimated] = [
        i % 5,
        i % 3000,
        (i % 5) as MeasurementKind,
        2 + i / 7,
        i % 11 === 0,
      ];
      compact.addMeasurement(child, ageDays, kind, value, estimated);
      reference.addMeasurement({ childIndex: child, ageDays, kind, value, estimated });
    }
    assert.equal(compact.childIndex('c3'), 3);
    assert.equal(compact.childIndex('c9'), undefined);
    assert.deepEqual(
      [compact.sexOf(1), compact.birthDayOf(1), compact.gestationalAgeWeeksOf(2)],
      [2, 18_001, 29.7],
    );
    const built = compact.build();
    assert.deepEqual(built, reference.build());
    assert.equal(built.measurements.value.length, rows);
  });

  it('hands over empty columns when nothing was added', () => {
    const { child, ageDays, kind, value, estimated } = new MeasurementColumns().finish();
    assert.deepEqual(
      [child, ageDays, kind, value, estimated].map((column) => column.length),
      [0, 0, 0, 0, 0],
    );
  });
});
