/**
 * The fast path for one data line of the long CSV format: splits and parses
 * the bytes in place, with no string or object per row. It only ever says
 * "this row is valid, and here are its values" or "not sure": every row it
 * declines (any problem, any unusual spelling, escaped quotes, non-ASCII
 * bytes in a used column) goes to the exact path, which alone decides what
 * is wrong. So the two paths accept the same rows with the same values.
 */
import type { MeasurementKind, Sex } from '../../../benchmark/cohort.js';
import { PLAUSIBLE_RANGE } from '../measurement-units.js';
import type { CsvColumns } from '../parse-csv-header.js';
import { GESTATION_WEEKS_RANGE } from '../parse-csv-row.js';
import { asciiDecimalTimes } from './ascii-decimal.js';
import { asciiIsoDay } from './ascii-iso-day.js';
import {
  asciiEstimated,
  asciiKind,
  asciiSex,
  asciiUnit,
  unitFactorDigits,
  unitFactorExponent,
} from './ascii-words.js';

/**
 * Where each column's value starts in `FastCsvRow.bounds` (its end is at
 * +1). Slot 0 collects the columns the format ignores.
 */
const SLOT = {
  child_id: 2,
  sex: 4,
  birth_date: 6,
  gestational_age_weeks: 8,
  measurement_date: 10,
  kind: 12,
  value: 14,
  unit: 16,
  estimated: 18,
} as const;
const SLOTS = 20;

const COMMA = 0x2c;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;
const KINDS = [0, 1, 2, 3, 4] as const;
const MIN_VALUE = Float64Array.from(KINDS, (kind) => PLAUSIBLE_RANGE[kind][0]);
const MAX_VALUE = Float64Array.from(KINDS, (kind) => PLAUSIBLE_RANGE[kind][1]);
const [MIN_WEEKS, MAX_WEEKS] = GESTATION_WEEKS_RANGE;

/** Parses valid rows from bytes; the parsed values are fields, overwritten by each call. */
export class FastCsvRow {
  /** True when the child id is the same as in the previous row this parser accepted. */
  sameChild = false;
  /** Start of the child id in the bytes last parsed (valid only during the call's caller). */
  idStart = 0;
  /** End of the child id (exclusive). */
  idEnd = 0;
  sex: Sex = 1;
  birthDay = 0;
  measurementDay = 0;
  /** As written; NaN when empty or absent. */
  gestationalAgeWeeks = Number.NaN;
  kind: MeasurementKind = 0;
  /** In SI units. */
  value = 0;
  estimated = false;

  /** Bounds slot per header field. */
  private readonly slots: Uint8Array;
  /** `[start, end)` per column; absent optional columns stay `[0, 0)`, i.e. empty. */
  private readonly bounds = new Int32Array(SLOTS);
  /** The id of the previous accepted row (already checked to be printable ASCII). */
  private lastId = new Uint8Array(64);
  private lastIdLength = -1;

  constructor(columns: CsvColumns) {
    this.slots = new Uint8Array(columns.count);
    const index: Readonly<Record<string, number | undefined>> = columns.index;
    for (const [name, slot] of Object.entries(SLOT)) {
      const at = index[name];
      if (at !== undefined) this.slots[at] = slot;
    }
  }

  /**
   * True when bytes `[start, end)` (a line without its terminator) are a
   * valid row the fast path understands; its values are then in the fields.
   */
  parse(bytes: Uint8Array, start: number, end: number): boolean {
    return this.split(bytes, start, end) && this.parseFields(bytes);
  }

  /** Records where each field's value is; false when the row needs the exact path. */
  private split(bytes: Uint8Array, start: number, end: number): boolean {
    const { slots, bounds } = this;
    const last = slots.length - 1;
    let at = start;
    for (let field = 0; field <= last; field += 1) {
      const slot = slots[field] ?? 0;
      let next: number;
      const first = at < end ? bytes[at] : COMMA;
      if (first === QUOTE) {
        next = quotedFieldEnd(bytes, at, end);
        if (next === -1) return false;
        bounds[slot] = at + 1;
        bounds[slot + 1] = next - 1;
      } else {
        // After leading blanks a quote opens a quoted field; anywhere else it is literal.
        if ((first === SPACE || first === TAB) && quoteAfterBlanks(bytes, at, end)) return false;
        next = fieldEnd(bytes, at, end);
        bounds[slot] = at;
        bounds[slot + 1] = next;
      }
      // The last field must end the line; any other must be followed by a comma.
      if ((next === end) !== (field === last)) return false;
      at = next + 1;
    }
    return true;
  }

  private parseFields(bytes: Uint8Array): boolean {
    const b = this.bounds;
    const kind = asciiKind(bytes, b[SLOT.kind] ?? 0, b[SLOT.kind + 1] ?? 0);
    if (kind === -1) return false;
    const unit = asciiUnit(bytes, b[SLOT.unit] ?? 0, b[SLOT.unit + 1] ?? 0, kind);
    if (unit === -1) return false;
    const value = asciiDecimalTimes(
      bytes,
      b[SLOT.value] ?? 0,
      b[SLOT.value + 1] ?? 0,
      unitFactorDigits(unit),
      unitFactorExponent(unit),
    );
    // Written as negations so that NaN (not fast-parseable) declines too.
    if (!(value >= (MIN_VALUE[kind] ?? 0) && value <= (MAX_VALUE[kind] ?? 0))) return false;
    const sex = asciiSex(bytes, b[SLOT.sex] ?? 0, b[SLOT.sex + 1] ?? 0);
    const birthDay = asciiIsoDay(bytes, b[SLOT.birth_date] ?? 0, b[SLOT.birth_date + 1] ?? 0);
    const measurementDay = asciiIsoDay(
      bytes,
      b[SLOT.measurement_date] ?? 0,
      b[SLOT.measurement_date + 1] ?? 0,
    );
    if (sex === 0 || !(measurementDay >= birthDay)) return false;
    const estimated = asciiEstimated(bytes, b[SLOT.estimated] ?? 0, b[SLOT.estimated + 1] ?? 0);
    if (estimated === -1 || !this.parseGestation(bytes) || !this.parseChildId(bytes)) return false;
    this.sex = sex;
    this.birthDay = birthDay;
    this.measurementDay = measurementDay;
    this.kind = kind;
    this.value = value;
    this.estimated = estimated === 1;
    return true;
  }

  private parseGestation(bytes: Uint8Array): boolean {
    const start = this.bounds[SLOT.gestational_age_weeks] ?? 0;
    const end = this.bounds[SLOT.gestational_age_weeks + 1] ?? 0;
    const weeks = start === end ? Number.NaN : asciiDecimalTimes(bytes, start, end, 1, 0);
    this.gestationalAgeWeeks = weeks;
    return start === end || (weeks >= MIN_WEEKS && weeks <= MAX_WEEKS);
  }

  /**
   * A child id the fast path can take as is: printable ASCII (so its bytes
   * are its text) with no space at either end (so trimming would not change
   * it). Exports list a child's rows together, so most ids equal the last one.
   */
  private parseChildId(bytes: Uint8Array): boolean {
    const start = this.bounds[SLOT.child_id] ?? 0;
    const end = this.bounds[SLOT.child_id + 1] ?? 0;
    const length = end - start;
    this.idStart = start;
    this.idEnd = end;
    this.sameChild = length === this.lastIdLength && sameBytes(bytes, start, this.lastId, length);
    if (this.sameChild) return true;
    if (length === 0 || bytes[start] === SPACE || bytes[end - 1] === SPACE) return false;
    for (let i = start; i < end; i += 1) {
      const byte = bytes[i] ?? 0;
      if (byte < SPACE || byte > 0x7e) return false;
    }
    if (length > this.lastId.length) this.lastId = new Uint8Array(2 * length);
    this.lastId.set(bytes.subarray(start, end));
    this.lastIdLength = length;
    return true;
  }
}

/**
 * Index of the comma ending the unquoted field at `at`, or `end`. Most
 * bytes of a field are above the comma in ASCII, so the inner loop makes
 * one comparison per byte; the byte after a line is its `\r` or `\n`.
 */
function fieldEnd(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  for (;;) {
    while ((bytes[i] ?? 0) > COMMA) i += 1;
    if (i >= end) return end; // the line's terminator, or stale bytes after the file's last line
    if (bytes[i] === COMMA) return i;
    i += 1; // a space or another low byte inside the field
  }
}

/**
 * For a field opening with a quote at `at`: the index just after its
 * closing quote, which must be followed by a comma or the end; -1 for an
 * escaped quote, text after the closing quote, or no closing quote.
 */
function quotedFieldEnd(bytes: Uint8Array, at: number, end: number): number {
  let i = at + 1;
  while (i < end && bytes[i] !== QUOTE) i += 1;
  if (i === end) return -1;
  i += 1;
  return i === end || bytes[i] === COMMA ? i : -1;
}

/** True when blanks (space, tab) at `at` are followed by a quote. */
function quoteAfterBlanks(bytes: Uint8Array, at: number, end: number): boolean {
  let i = at;
  while (i < end && (bytes[i] === SPACE || bytes[i] === TAB)) i += 1;
  return i < end && bytes[i] === QUOTE;
}

function sameBytes(bytes: Uint8Array, start: number, other: Uint8Array, length: number): boolean {
  for (let i = 0; i < length; i += 1) if (bytes[start + i] !== other[i]) return false;
  return true;
}
