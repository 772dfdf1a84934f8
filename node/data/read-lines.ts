/**
 * Splits a text stream into lines without ever holding more than one line
 * (plus one chunk) in memory, so exports of any size can be read. Lines
 * longer than a limit are reported, not buffered: an export with a broken
 * line ending must not exhaust the node's memory.
 */

/** One line without its terminator (`\n` or `\r\n`). */
export interface Line {
  /** The line's text; empty when `tooLong`. */
  readonly text: string;
  /** True when the line exceeded the limit and its text was dropped. */
  readonly tooLong: boolean;
}

/**
 * Lines of `chunks` (decoded text, e.g. a read stream with an encoding).
 * A last line without a terminator is still yielded; the empty string after
 * a final newline is not.
 */
export async function* readLines(
  chunks: AsyncIterable<string>,
  maxLineChars: number,
): AsyncGenerator<Line> {
  let pending = '';
  let tooLong = false;
  for await (const chunk of chunks) {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      yield toLine(tooLong ? '' : pending + chunk.slice(start, end), tooLong, maxLineChars);
      pending = '';
      tooLong = false;
      start = end + 1;
    }
    if (!tooLong) pending += chunk.slice(start);
    // +1: the line's '\r' may still be in there; toLine makes the exact check.
    if (pending.length > maxLineChars + 1) {
      tooLong = true;
      pending = '';
    }
  }
  if (pending !== '' || tooLong) yield toLine(pending, tooLong, maxLineChars);
}

function toLine(raw: string, tooLong: boolean, maxLineChars: number): Line {
  const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
  if (tooLong || text.length > maxLineChars) return { text: '', tooLong: true };
  return { text, tooLong: false };
}
