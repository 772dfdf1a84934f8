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
import { GESTATION_WEEKS_RANGE } from '../gestation-rules.js';
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
import { ChildPrefix } from './child-prefix.js';
import { fieldEnd, isPlainId, quoteAfterBlanks, quotedFieldEnd } from './csv-field-bounds.js';

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
/** Slots of the columns that describe the child rather than the measurement. */
const CHILD_SLOTS: readonly number[] = [
  SLOT.child_id,
  SLOT.sex,
  SLOT.birth_date,
  SLOT.gestational_age_weeks,
];

const COMMA = 0x2c;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;
const KINDS = [0, 1, 2, 3, 4] as const;
const MIN_VALUE = Float64Array.from(KINDS, (kind) => PLAUSIBLE_RANGE[kind][0]);
const MAX_VALUE = Float64Array.from(KINDS, (kind) => PLAUSIBLE_RANGE[kind][1]);
const [MIN_WEEKS, MAX_WEEKS] = GESTATION_WEEKS_RANGE;

/** Parses valid rows from bytes; the parsed values are fields, overwritten by each accepted row. */
export class FastCsvRow {
  /** True when the child id is the same as in the previous row this parser accepted. */
  sameChild = false;
  /** Where the child id is in the bytes last accepted (valid only as long as they are). */
  idStart = 0;
  idEnd = 0;
  sex: Sex = 1;
  birthDay = 0;
  /** As written; NaN when empty or absent. */
  gestationalAgeWeeks = Number.NaN;
  measurementDay = 0;
  kind: MeasurementKind = 0;
  /** In SI units. */
  value = 0;
  estimated = false;

  /** Bounds slot per header field. */
  private readonly slots: Uint8Array;
  /** `[start, end)` per column; absent optional columns stay `[0, 0)`, i.e. empty. */
  private readonly bounds = new Int32Array(SLOTS);
  /** The leading child columns of the last accepted row, to skip them when they repeat. */
  private readonly prefix: ChildPrefix;
  /** Child values of the row being parsed, kept apart until the row is accepted. */
  private readonly pending = { sex: 1 as Sex, birthDay: 0, weeks: Number.NaN };
  /** The id of the last accepted row, already checked (`isPlainId`). */
  private lastId = new Uint8Array(64);
  private lastIdLength = -1;

  constructor(columns: CsvColumns) {
    this.slots = new Uint8Array(columns.count);
    const index: Readonly<Record<string, number | undefined>> = columns.index;
    for (const [name, slot] of Object.entries(SLOT)) {
      const at = index[name];
      if (at !== undefined) this.slots[at] = slot;
    }
    this.prefix = new ChildPrefix(leadingChildFields(this.slots));
  }

  /**
   * True when bytes `[start, end)` (a line without its terminator) are a
   * valid row the fast path understands; its values are then in the fields.
   */
  parse(bytes: Uint8Array, start: number, end: number): boolean {
    // A long export repeats a child's columns on each of its rows: when they
    // are the same bytes as in the last accepted row, its values still hold.
    const { prefix } = this;
    const repeated = prefix.matches(bytes, start, end);
    const from = repeated ? prefix.fields : 0;
    if (!this.split(bytes, repeated ? start + prefix.length : start, end, from)) return false;
    if (!repeated && !this.parseChild(bytes)) return false;
    const birthDay = repeated ? this.birthDay : this.pending.birthDay;
    if (!this.parseMeasurement(bytes, birthDay)) return false;
    if (repeated) this.keepChild(start);
    else this.acceptChild(bytes, start);
    return true;
  }

  /** Records where each field's value is, from field `from` on; false when the row needs the exact path. */
  private split(bytes: Uint8Array, start: number, end: number, from: number): boolean {
    const { slots, bounds } = this;
    const last = slots.length - 1;
    let at = start;
    for (let field = from; field <= last; field += 1) {
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
      if (field + 1 === this.prefix.fields) this.prefix.endsAt(at);
    }
    return true;
  }

  /** The child's columns into `pending`; false when one needs the exact path. */
  private parseChild(bytes: Uint8Array): boolean {
    const b = this.bounds;
    const sex = asciiSex(bytes, b[SLOT.sex] ?? 0, b[SLOT.sex + 1] ?? 0);
    const birthDay = asciiIsoDay(bytes, b[SLOT.birth_date] ?? 0, b[SLOT.birth_date + 1] ?? 0);
    const weeksStart = b[SLOT.gestational_age_weeks] ?? 0;
    const weeksEnd = b[SLOT.gestational_age_weeks + 1] ?? 0;
    const empty = weeksStart === weeksEnd;
    const weeks = empty ? Number.NaN : asciiDecimalTimes(bytes, weeksStart, weeksEnd, 1, 0);
    if (sex === 0 || Number.isNaN(birthDay)) return false;
    if (!empty && !(weeks >= MIN_WEEKS && weeks <= MAX_WEEKS)) return false;
    if (!isPlainId(bytes, b[SLOT.child_id] ?? 0, b[SLOT.child_id + 1] ?? 0)) return false;
    this.pending.sex = sex;
    this.pending.birthDay = birthDay;
    this.pending.weeks = weeks;
    return true;
  }

  /** The measurement's own columns; false when one needs the exact path. */
  private parseMeasurement(bytes: Uint8Array, birthDay: number): boolean {
    const b = this.bounds;
    const kind = asciiKind(bytes, b[SLOT.kind] ?? 0, b[SLOT.kind + 1] ?? 0);
    if (kind === -1) return false;
    const unit = asciiUnit(bytes, b[SLOT.unit] ?? 0, b[SLOT.unit + 1] ?? 0, kind);
    if (unit === -1) return false;
    const valueStart = b[SLOT.value] ?? 0;
    const valueEnd = b[SLOT.value + 1] ?? 0;
    const factorDigits = unitFactorDigits(unit);
    const value = asciiDecimalTimes(
      bytes,
      valueStart,
      valueEnd,
      factorDigits,
      unitFactorExponent(unit),
    );
    // Written as negations so that NaN (not fast-parseable) declines too.
    if (!(value >= (MIN_VALUE[kind] ?? 0) && value <= (MAX_VALUE[kind] ?? 0))) return false;
    const day = asciiIsoDay(
      bytes,
      b[SLOT.measurement_date] ?? 0,
      b[SLOT.measurement_date + 1] ?? 0,
    );
    const estimated = asciiEstimated(bytes, b[SLOT.estimated] ?? 0, b[SLOT.estimated + 1] ?? 0);
    if (!(day >= birthDay) || estimated === -1) return false;
    this.measurementDay = day;
    this.kind = kind;
    this.value = value;
    this.estimated = estimated === 1;
    return true;
  }

  /** The row repeats the last accepted child: only the id's place moves. */
  private keepChild(start: number): void {
    this.sameChild = true;
    const length = this.idEnd - this.idStart;
    this.idStart = start + this.prefix.idOffset;
    this.idEnd = this.idStart + length;
  }

  /** The row's own child values become current, and its child columns the prefix to look for. */
  private acceptChild(bytes: Uint8Array, start: number): void {
    const idStart = this.bounds[SLOT.child_id] ?? 0;
    const idEnd = this.bounds[SLOT.child_id + 1] ?? 0;
    const length = idEnd - idStart;
    this.sameChild = length === this.lastIdLength && sameBytes(bytes, idStart, this.lastId, length);
    if (!this.sameChild) {
      if (length > this.lastId.length) this.lastId = new Uint8Array(2 * length);
      this.lastId.set(bytes.subarray(idStart, idEnd));
      this.lastIdLength = length;
    }
    this.idStart = idStart;
    this.idEnd = idEnd;
    this.sex = this.pending.sex;
    this.birthDay = this.pending.birthDay;
    this.gestationalAgeWeeks = this.pending.weeks;
    this.prefix.remember(bytes, start, idStart);
  }
}

/**
 * How many leading fields hold only child columns (or ignored ones) and
 * together hold every child column of the header; 0 when the child
 * columns do not lead, and rows are then parsed whole.
 */
function leadingChildFields(slots: Uint8Array): number {
  let fields = 0;
  while (fields < slots.length && [0, ...CHILD_SLOTS].includes(slots[fields] ?? -1)) fields += 1;
  const lead = slots.subarray(0, fields);
  const all = CHILD_SLOTS.every((slot) => lead.includes(slot) || !slots.includes(slot));
  return all ? fields : 0;
}

function sameBytes(bytes: Uint8Array, start: number, other: Uint8Array, length: number): boolean {
  for (let i = 0; i < length; i += 1) if (bytes[start + i] !== other[i]) return false;
  return true;
}
