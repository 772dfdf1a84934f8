/**
 * The fast path for the word columns of the long CSV format (`kind`,
 * `unit`, `sex`, `estimated`) read from bytes. Matching folds ASCII case
 * only; a field with any other byte simply does not match here and the row
 * falls back to the exact path, which applies full Unicode case folding.
 * Kinds and unit factors come from `measurement-units.ts`, so the two paths
 * cannot drift apart.
 */
import type { MeasurementKind, Sex } from '../../../benchmark/cohort.js';
import { parseDecimal } from '../decimal.js';
import { KIND_NAMES, toSiValue } from '../measurement-units.js';

/** Units worth a fast path: every ASCII spelling the long CSV format documents. */
const FAST_UNITS = ['kg', 'g', 'lb', 'oz', 'cm', 'mm', 'm', 'in', 'kg/m2', 'kg/m^2'];
const KIND_COUNT = 5;

/**
 * Finds a word by its length and first letter (one table read), then
 * confirms it byte by byte against one flat pool of all the words. Words
 * that share both are left to the exact path (none of the format's do).
 */
class WordTable {
  private readonly pool: Uint8Array;
  /** By `length × 128 + initial`: where the word starts in `pool`, or -1. */
  private readonly starts = new Int32Array(32 * 128).fill(-1);
  /** By the same slot: the word's index in the list given. */
  private readonly indices = new Int16Array(32 * 128);

  constructor(words: readonly string[]) {
    this.pool = new TextEncoder().encode(words.join(''));
    let at = 0;
    words.forEach((word, index) => {
      const slot = word.length * 128 + (this.pool[at] ?? 0);
      if (word.length < 32 && this.starts[slot] === -1) {
        this.starts[slot] = at;
        this.indices[slot] = index;
      }
      at += word.length;
    });
  }

  /** The index of the word in bytes `[start, end)` (ASCII case folded), or -1. */
  find(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (length <= 0 || length >= 32) return -1;
    const slot = length * 128 + (lower(bytes[start] ?? 0) & 0x7f);
    const at = this.starts[slot] ?? -1;
    if (at === -1) return -1;
    const { pool } = this;
    for (let i = 0; i < length; i += 1) {
      if (lower(bytes[start + i] ?? 0) !== pool[at + i]) return -1;
    }
    return this.indices[slot] ?? -1;
  }
}

const KINDS = Object.entries(KIND_NAMES);
const KIND_TABLE = new WordTable(KINDS.map(([name]) => name));
const KIND_OF = Int8Array.from(KINDS, ([, kind]) => kind);
const UNIT_TABLE = new WordTable(FAST_UNITS);
/** Factor of unit u for kind k at `k × units + u` as `digits × 10^exponent`; NaN digits: not a unit of k. */
const FACTOR_DIGITS = new Float64Array(KIND_COUNT * FAST_UNITS.length).fill(Number.NaN);
const FACTOR_EXPONENT = new Float64Array(KIND_COUNT * FAST_UNITS.length);
for (let kind = 0; kind < KIND_COUNT; kind += 1) {
  FAST_UNITS.forEach((name, unit) => {
    const factor = exactFactor(kind as MeasurementKind, name);
    if (factor === undefined) return;
    FACTOR_DIGITS[kind * FAST_UNITS.length + unit] = factor.digits;
    FACTOR_EXPONENT[kind * FAST_UNITS.length + unit] = factor.exponent;
  });
}
const TRUE_WORD = new TextEncoder().encode('true');
const FALSE_WORD = new TextEncoder().encode('false');

/** The kind named by bytes `[start, end)`, or -1. */
export function asciiKind(bytes: Uint8Array, start: number, end: number): MeasurementKind | -1 {
  const index = KIND_TABLE.find(bytes, start, end);
  return index === -1 ? -1 : ((KIND_OF[index] ?? -1) as MeasurementKind | -1);
}

/**
 * Which unit of `kind` bytes `[start, end)` name, as an index for
 * `unitFactorDigits` and `unitFactorExponent`; -1 for none.
 */
export function asciiUnit(
  bytes: Uint8Array,
  start: number,
  end: number,
  kind: MeasurementKind,
): number {
  const unit = UNIT_TABLE.find(bytes, start, end);
  const index = kind * FAST_UNITS.length + unit;
  return unit !== -1 && !Number.isNaN(FACTOR_DIGITS[index] ?? Number.NaN) ? index : -1;
}

/** The integer digits of the exact SI factor of a unit found by `asciiUnit`. */
export function unitFactorDigits(unit: number): number {
  return FACTOR_DIGITS[unit] ?? Number.NaN;
}

/** The power of ten of the exact SI factor of a unit found by `asciiUnit`. */
export function unitFactorExponent(unit: number): number {
  return FACTOR_EXPONENT[unit] ?? 0;
}

/** `M`/`m`/`1` → 1, `F`/`f`/`2` → 2, anything else → 0. */
export function asciiSex(bytes: Uint8Array, start: number, end: number): Sex | 0 {
  if (end - start !== 1) return 0;
  const byte = lower(bytes[start] ?? 0);
  if (byte === 0x6d || byte === 0x31) return 1; // m, 1
  return byte === 0x66 || byte === 0x32 ? 2 : 0; // f, 2
}

/** `estimated`: 1 for `1`/`true`, 0 for empty, `0` or `false` (any case), -1 otherwise. */
export function asciiEstimated(bytes: Uint8Array, start: number, end: number): 0 | 1 | -1 {
  if (end === start) return 0;
  if (end - start === 1) {
    const byte = bytes[start];
    return byte === 0x30 ? 0 : byte === 0x31 ? 1 : -1;
  }
  if (end - start === TRUE_WORD.length && equalsFolded(bytes, start, TRUE_WORD)) return 1;
  return end - start === FALSE_WORD.length && equalsFolded(bytes, start, FALSE_WORD) ? 0 : -1;
}

/** True when the bytes at `start` equal `word` (lowercase ASCII) after folding A–Z to a–z. */
function equalsFolded(bytes: Uint8Array, start: number, word: Uint8Array): boolean {
  for (let i = 0; i < word.length; i += 1)
    if (lower(bytes[start + i] ?? 0) !== word[i]) return false;
  return true;
}

/** ASCII A–Z to a–z; every other byte unchanged. */
function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

/**
 * The exact factor of 1 `unit` in `kind`'s SI unit, read back from
 * `toSiValue`: the factor printed shortest is its defining decimal (each has
 * far fewer than 15 significant digits), so it is exact as integer digits.
 */
function exactFactor(
  kind: MeasurementKind,
  unit: string,
): { digits: number; exponent: number } | undefined {
  const si = toSiValue(kind, { digits: 1n, exponent: 0 }, unit);
  const decimal = si === undefined ? undefined : parseDecimal(String(si));
  if (decimal === undefined) return undefined;
  return { digits: Number(decimal.digits), exponent: decimal.exponent };
}
