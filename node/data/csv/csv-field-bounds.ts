/**
 * Where fields end in a line of CSV bytes, with the quoting rules of
 * `parseCsvLine` (RFC 4180, one record per line), for the fast path.
 */

const COMMA = 0x2c;
const QUOTE = 0x22;
const SPACE = 0x20;
const TAB = 0x09;

/** Index of the comma ending the unquoted field at `at`, or `end`. */
export function fieldEnd(bytes: Uint8Array, at: number, end: number): number {
  let i = at;
  while (i < end && bytes[i] !== COMMA) i += 1;
  return i;
}

/**
 * For a field opening with a quote at `at`: the index just after its
 * closing quote, which must be followed by a comma or the end; -1 for an
 * escaped quote (`""`), text after the closing quote, or no closing quote,
 * all of which the exact path handles.
 */
export function quotedFieldEnd(bytes: Uint8Array, at: number, end: number): number {
  let i = at + 1;
  while (i < end && bytes[i] !== QUOTE) i += 1;
  if (i === end) return -1;
  i += 1;
  return i === end || bytes[i] === COMMA ? i : -1;
}

/** True when blanks (space, tab) at `at` are followed by a quote, which opens a quoted field. */
export function quoteAfterBlanks(bytes: Uint8Array, at: number, end: number): boolean {
  let i = at;
  while (i < end && (bytes[i] === SPACE || bytes[i] === TAB)) i += 1;
  return i < end && bytes[i] === QUOTE;
}

/**
 * True when bytes `[start, end)` are a child id the fast path can take as
 * is: printable ASCII (so its bytes are its text) with no space at either
 * end (so trimming would not change it).
 */
export function isPlainId(bytes: Uint8Array, start: number, end: number): boolean {
  if (start === end || bytes[start] === SPACE || bytes[end - 1] === SPACE) return false;
  for (let i = start; i < end; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte < SPACE || byte > 0x7e) return false;
  }
  return true;
}
