/**
 * The leading child columns of the last row the fast path accepted. A long
 * export repeats a child's id, sex, birth date and gestational age on every
 * one of its rows; when a row starts with exactly the same bytes, their
 * values are the same too and need not be parsed again.
 */

/** Remembers one row's leading child columns (bytes up to and including the comma after them). */
export class ChildPrefix {
  /** Bytes remembered; 0 when nothing is (or the columns do not lead). */
  length = 0;
  /** Where the child id starts within the prefix. */
  idOffset = 0;
  /** End of the leading child columns in the row being split (after their comma). */
  private pendingEnd = 0;
  private bytes = new Uint8Array(128);

  /** @param fields How many leading fields describe only the child (0: none, never match). */
  constructor(readonly fields: number) {}

  /** True when bytes `[start, end)` start with the remembered prefix and go on past it. */
  matches(bytes: Uint8Array, start: number, end: number): boolean {
    const { length } = this;
    if (length === 0 || end - start <= length) return false;
    const prefix = this.bytes;
    for (let i = 0; i < length; i += 1) if (bytes[start + i] !== prefix[i]) return false;
    return true;
  }

  /** While splitting a row: its child columns end here. */
  endsAt(at: number): void {
    this.pendingEnd = at;
  }

  /** Remembers the child columns of the accepted row starting at `start`. */
  remember(bytes: Uint8Array, start: number, idStart: number): void {
    if (this.fields === 0) return;
    const length = this.pendingEnd - start;
    if (length > this.bytes.length) this.bytes = new Uint8Array(2 * length);
    this.bytes.set(bytes.subarray(start, this.pendingEnd));
    this.length = length;
    this.idOffset = idStart - start;
  }
}
