/**
 * Builds a `Cohort` for a large import within a tight memory budget:
 * measurements go into chunked columns (see `MeasurementColumns`), children
 * into plain arrays with one id index. It keeps, per child, what its first
 * row said (sex, birth day, gestational age in weeks as written) so later
 * rows can be checked against it.
 */
import type { Cohort, MeasurementKind, Sex } from '../../../benchmark/cohort.js';
import { MeasurementColumns } from '../../../benchmark/measurement-columns.js';

const DAYS_PER_WEEK = 7;

/** Accumulates children and measurements; `build` once at the end. */
export class CompactCohortBuilder {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly sexes: Sex[] = [];
  private readonly birthDays: number[] = [];
  private readonly weeks: number[] = [];
  private readonly measurements = new MeasurementColumns();

  /** The index of the child with this id, or undefined. */
  childIndex(id: string): number | undefined {
    return this.index.get(id);
  }

  /** Adds a child and returns its index. `gestationalAgeWeeks` is NaN when unknown. */
  addChild(id: string, sex: Sex, birthDay: number, gestationalAgeWeeks: number): number {
    const index = this.ids.length;
    this.ids.push(id);
    this.index.set(id, index);
    this.sexes.push(sex);
    this.birthDays.push(birthDay);
    this.weeks.push(gestationalAgeWeeks);
    return index;
  }

  /** Sex of a child added before. */
  sexOf(child: number): number {
    return this.sexes[child] ?? 0;
  }

  /** Birth day of a child added before (days since 1970-01-01). */
  birthDayOf(child: number): number {
    return this.birthDays[child] ?? Number.NaN;
  }

  /** Gestational age in weeks of a child added before, as first written (NaN when unknown). */
  gestationalAgeWeeksOf(child: number): number {
    return this.weeks[child] ?? Number.NaN;
  }

  /** Adds a measurement of a child added before; `value` in SI units. */
  addMeasurement(
    child: number,
    ageDays: number,
    kind: MeasurementKind,
    value: number,
    estimated: boolean,
  ): void {
    this.measurements.push(child, ageDays, kind, value, estimated ? 1 : 0);
  }

  /** The cohort; the builder must not be used afterwards. */
  build(): Cohort {
    return {
      children: {
        ids: this.ids,
        sex: Uint8Array.from(this.sexes),
        birthDay: Int32Array.from(this.birthDays),
        // Same rounding as CohortBuilder: days computed in double, stored as float32.
        gestationalAgeDays: Float32Array.from(this.weeks, (weeks) => weeks * DAYS_PER_WEEK),
      },
      measurements: this.measurements.finish(),
    };
  }
}
