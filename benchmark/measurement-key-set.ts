/**
 * The set of (child, day, kind, value) keys already in a cohort, to count a
 * measurement loaded twice (from two source feeds, two codings, overlapping
 * export files, or in two units) once. Every adapter that deduplicates uses it.
 * An open-addressing hash table over typed arrays costs 25–50 bytes per key
 * (with growth slack); a `Set` of string keys would cost several times that,
 * and MEASUREMENT tables can be huge.
 */

import type { Measurements } from './cohort.js';

const INITIAL_KEYS = 1024;

/** murmur3's multipliers: odd constants with a good bit spread. */
const MIX_A = 0x85ebca6b;
const MIX_B = 0xc2b2ae35;

/** Reinterprets a double's bits as two 32-bit words, to hash it exactly. */
const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/** Keys of measurements: equal keys are the same measurement. Values compare exactly. */
export class MeasurementKeySet {
  private size = 0;
  private child = new Uint32Array(INITIAL_KEYS);
  private day = new Int32Array(INITIAL_KEYS);
  private kind = new Uint8Array(INITIAL_KEYS);
  private value = new Float64Array(INITIAL_KEYS);
  /** Key index + 1 per slot, 0 when empty; at most half full so probes stay short. */
  private slots = new Uint32Array(INITIAL_KEYS * 2);

  /** Number of distinct keys added. */
  get count(): number {
    return this.size;
  }

  /** Adds a key; false when it was already there (a duplicate). */
  add(child: number, day: number, kind: number, value: number): boolean {
    return this.insert(child, day, kind, value) === -1;
  }

  /**
   * Adds a key and returns -1, or, when an equal key is already there,
   * returns that key's index (keys are numbered in insertion order).
   */
  insert(child: number, day: number, kind: number, value: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hashKey(child, day, kind, value) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] ?? 0;
      if (entry === 0) {
        this.append(child, day, kind, value);
        this.slots[slot] = this.size;
        if (this.size * 2 > this.slots.length) this.rehash();
        return -1;
      }
      if (this.equals(entry - 1, child, day, kind, value)) return entry - 1;
    }
  }

  /** The distinct keys in insertion order, as exact-size measurement columns. */
  keys(): Pick<Measurements, 'child' | 'ageDays' | 'kind' | 'value'> {
    const n = this.size;
    return {
      child: this.child.slice(0, n),
      ageDays: this.day.slice(0, n),
      kind: this.kind.slice(0, n),
      value: this.value.slice(0, n),
    };
  }

  private equals(index: number, child: number, day: number, kind: number, value: number): boolean {
    return (
      this.child[index] === child &&
      this.day[index] === day &&
      this.kind[index] === kind &&
      this.value[index] === value
    );
  }

  private append(child: number, day: number, kind: number, value: number): void {
    if (this.size === this.child.length) {
      this.child = grow(this.child, new Uint32Array(this.size * 2));
      this.day = grow(this.day, new Int32Array(this.size * 2));
      this.kind = grow(this.kind, new Uint8Array(this.size * 2));
      this.value = grow(this.value, new Float64Array(this.size * 2));
    }
    this.child[this.size] = child;
    this.day[this.size] = day;
    this.kind[this.size] = kind;
    this.value[this.size] = value;
    this.size += 1;
  }

  private rehash(): void {
    const slots = new Uint32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let index = 0; index < this.size; index += 1) {
      const key = hashKey(
        this.child[index] ?? 0,
        this.day[index] ?? 0,
        this.kind[index] ?? 0,
        this.value[index] ?? 0,
      );
      let slot = key & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
  }
}

function grow<T extends Uint32Array | Int32Array | Uint8Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** A 32-bit hash of a key, mixing the value's exact bits (murmur3's finaliser at the end). */
function hashKey(child: number, day: number, kind: number, value: number): number {
  // -0 and 0 compare equal, so they must hash alike.
  scratch[0] = value === 0 ? 0 : value;
  let h = Math.imul(child ^ (kind << 29), MIX_A);
  h = Math.imul(h ^ day, MIX_B);
  h = Math.imul(h ^ (scratchWords[0] ?? 0), MIX_A);
  h = Math.imul(h ^ (scratchWords[1] ?? 0), MIX_B);
  h ^= h >>> 16;
  h = Math.imul(h, MIX_A);
  h ^= h >>> 13;
  h = Math.imul(h, MIX_B);
  return (h ^ (h >>> 16)) >>> 0;
}
