import type { Cohort, MeasurementKind, Sex } from './cohort.js';
import { MeasurementColumns } from './measurement-columns.js';

/** One child as an adapter reads it. */
export interface ChildInput {
  id: string;
  sex: Sex;
  birthDay: number;
  gestationalAgeDays?: number;
}

/** One measurement as an adapter reads it, in SI units. */
export interface MeasurementInput {
  childIndex: number;
  ageDays: number;
  kind: MeasurementKind;
  value: number;
  estimated?: boolean;
}

/** Growable columnar storage: doubles capacity, so appends are amortised O(1). */
class Column<T extends Uint8Array | Int32Array | Float32Array> {
  private length = 0;
  constructor(private data: T) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  finish(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Builds a `Cohort` row by row; adapters and the Sim generator use it. `build` may be called once. */
export class CohortBuilder {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly sex = new Column(new Uint8Array(1024));
  private readonly birthDay = new Column(new Int32Array(1024));
  private readonly gestation = new Column(new Float32Array(1024));
  // Measurements outnumber children many times over: chunked, not doubling, storage.
  private readonly measurements = new MeasurementColumns();

  /** Adds a child and returns its index. */
  addChild(input: ChildInput): number {
    const i = this.ids.length;
    this.ids.push(input.id);
    this.index.set(input.id, i);
    this.sex.push(input.sex);
    this.birthDay.push(input.birthDay);
    this.gestation.push(input.gestationalAgeDays ?? Number.NaN);
    return i;
  }

  /** The index of a child already added, or undefined. */
  childIndex(id: string): number | undefined {
    return this.index.get(id);
  }

  addMeasurement(input: MeasurementInput): void {
    const { childIndex, ageDays, kind, value } = input;
    this.measurements.push(childIndex, ageDays, kind, value, input.estimated === true ? 1 : 0);
  }

  build(): Cohort {
    return {
      children: {
        ids: [...this.ids],
        sex: this.sex.finish(),
        birthDay: this.birthDay.finish(),
        gestationalAgeDays: this.gestation.finish(),
      },
      measurements: this.measurements.finish(),
    };
  }
}
