/**
 * Growable measurement columns that refuse duplicates. FHIR exports repeat
 * measurements (a vital-signs panel and the standalone Observation, the same
 * value under two codings, overlapping export files), and a repeated value
 * would weigh twice in every statistic. A duplicate is the same child, day,
 * kind and value (the exact double, after unit conversion).
 *
 * The keys and the duplicate check are the shared `MeasurementKeySet`; this
 * table adds the estimated flag, which is not part of a measurement's identity.
 */
import type { MeasurementKind, Measurements } from '../../../benchmark/cohort.js';
import { MeasurementKeySet } from '../../../benchmark/measurement-key-set.js';

const INITIAL_ROWS = 4096;

/** Measurements in cohort layout, deduplicated on insertion. */
export class MeasurementTable {
  private readonly keys = new MeasurementKeySet();
  private estimated = new Uint8Array(INITIAL_ROWS);

  /** Number of measurements stored. */
  get length(): number {
    return this.keys.count;
  }

  /**
   * Adds a measurement unless it duplicates one already stored; returns false
   * for a duplicate. A duplicate that was measured makes the stored copy
   * measured: the same value recorded once as measured was measured.
   */
  add(
    child: number,
    ageDays: number,
    kind: MeasurementKind,
    value: number,
    estimated: boolean,
  ): boolean {
    const earlier = this.keys.insert(child, ageDays, kind, value);
    if (earlier >= 0) {
      if (!estimated) this.estimated[earlier] = 0;
      return false;
    }
    const row = this.keys.count - 1;
    if (row === this.estimated.length) {
      const grown = new Uint8Array(row * 2);
      grown.set(this.estimated);
      this.estimated = grown;
    }
    this.estimated[row] = estimated ? 1 : 0;
    return true;
  }

  /** The columns, trimmed to length. */
  finish(): Measurements {
    return { ...this.keys.keys(), estimated: this.estimated.slice(0, this.keys.count) };
  }
}
