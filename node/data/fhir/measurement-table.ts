/**
 * Growable measurement columns that refuse duplicates. FHIR exports repeat
 * measurements (a vital-signs panel and the standalone Observation, the same
 * value under two codings, overlapping export files), and a repeated value
 * would weigh twice in every statistic. A duplicate is the same child, day,
 * kind and value (the exact double, after unit conversion).
 *
 * The duplicate check is an open-addressing hash set of row numbers in one
 * Int32Array, so it costs about 8 bytes per measurement instead of a string
 * key per measurement: a ten-million-measurement export must fit in memory.
 */
import type { MeasurementKind, Measurements } from '../../../benchmark/cohort.js';

const INITIAL_ROWS = 4096;

/** Measurements in cohort layout, deduplicated on insertion. */
export class MeasurementTable {
  private size = 0;
  private child = new Uint32Array(INITIAL_ROWS);
  private ageDays = new Int32Array(INITIAL_ROWS);
  private kind = new Uint8Array(INITIAL_ROWS);
  private value = new Float64Array(INITIAL_ROWS);
  private estimated = new Uint8Array(INITIAL_ROWS);
  /** Row + 1 of each occupied slot, 0 when empty; kept at most half full. */
  private slots = new Int32Array(INITIAL_ROWS * 2);
  private readonly bits = new Float64Array(1);
  private readonly words = new Int32Array(this.bits.buffer);

  /** Number of measurements stored. */
  get length(): number {
    return this.size;
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
    if (this.size === this.child.length) this.grow();
    const mask = this.slots.length - 1;
    for (let slot = this.hash(child, ageDays, kind, value) & mask; ; slot = (slot + 1) & mask) {
      const stored = this.slots[slot] ?? 0;
      if (stored === 0) {
        this.slots[slot] = this.append(child, ageDays, kind, value, estimated) + 1;
        return true;
      }
      const row = stored - 1;
      if (this.same(row, child, ageDays, kind, value)) {
        if (!estimated) this.estimated[row] = 0;
        return false;
      }
    }
  }

  /** The columns, trimmed to length. */
  finish(): Measurements {
    const n = this.size;
    return {
      child: this.child.slice(0, n),
      ageDays: this.ageDays.slice(0, n),
      kind: this.kind.slice(0, n),
      value: this.value.slice(0, n),
      estimated: this.estimated.slice(0, n),
    };
  }

  private append(
    child: number,
    ageDays: number,
    kind: MeasurementKind,
    value: number,
    estimated: boolean,
  ): number {
    const row = this.size++;
    this.child[row] = child;
    this.ageDays[row] = ageDays;
    this.kind[row] = kind;
    this.value[row] = value;
    this.estimated[row] = estimated ? 1 : 0;
    return row;
  }

  private same(row: number, child: number, ageDays: number, kind: number, value: number): boolean {
    return (
      this.child[row] === child &&
      this.ageDays[row] === ageDays &&
      this.kind[row] === kind &&
      this.value[row] === value
    );
  }

  /** A well-mixed 32-bit hash of the key; the value by its bits, -0 folded into 0 since they compare equal. */
  private hash(child: number, ageDays: number, kind: number, value: number): number {
    this.bits[0] = value === 0 ? 0 : value;
    let h = Math.imul(child ^ 0x9e3779b9, 0x85ebca6b);
    h = Math.imul(h ^ ageDays ^ (kind << 24), 0xc2b2ae35);
    h = Math.imul(h ^ (this.words[0] ?? 0), 0x27d4eb2f);
    h = Math.imul(h ^ (this.words[1] ?? 0), 0x165667b1);
    return (h ^ (h >>> 15)) >>> 0;
  }

  /** Doubles the columns and rebuilds the slot table at twice the size. */
  private grow(): void {
    const rows = this.child.length * 2;
    this.child = copy(this.child, new Uint32Array(rows));
    this.ageDays = copy(this.ageDays, new Int32Array(rows));
    this.kind = copy(this.kind, new Uint8Array(rows));
    this.value = copy(this.value, new Float64Array(rows));
    this.estimated = copy(this.estimated, new Uint8Array(rows));
    this.slots = new Int32Array(rows * 2);
    const mask = this.slots.length - 1;
    for (let row = 0; row < this.size; row += 1) {
      const key = this.hash(
        this.child[row] ?? 0,
        this.ageDays[row] ?? 0,
        this.kind[row] ?? 0,
        this.value[row] ?? 0,
      );
      let slot = key & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = row + 1;
    }
  }
}

function copy<T extends Uint8Array | Uint32Array | Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
