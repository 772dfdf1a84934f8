/**
 * The lines of one byte range of an NDJSON file, read synchronously in
 * chunks: this runs on worker threads (where blocking is the point) and,
 * for small exports, between event-loop turns on the main thread. Memory
 * stays at one chunk plus one line; a line longer than the limit is skipped
 * unread and reported as such.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { NdjsonRange } from './ndjson-range.js';

/** Longest line read; longer ones (huge attachments, broken line ends) are rejected unread. */
export const MAX_NDJSON_LINE_BYTES = 16 * 1024 * 1024;

/** Yielded for a line longer than the limit. */
export const LINE_TOO_LONG = Symbol('LINE_TOO_LONG');

const CHUNK_BYTES = 1024 * 1024;
const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Each line of `range` (without `\n` or `\r\n`; a byte-order mark at the
 * start of the file dropped), or `LINE_TOO_LONG`. The range must start at a
 * line start and end after a newline or at the end of the file.
 */
export function* ndjsonLines(
  range: NdjsonRange,
  maxLineBytes = MAX_NDJSON_LINE_BYTES,
): Generator<string | typeof LINE_TOO_LONG> {
  const fd = openSync(range.path, 'r');
  try {
    const chunks = new ChunkReader(fd, range, maxLineBytes);
    let atFileStart = range.start === 0;
    for (let line = chunks.nextLine(); line !== undefined; line = chunks.nextLine()) {
      yield line === LINE_TOO_LONG ? line : chunks.decode(atFileStart);
      atFileStart = false;
    }
  } finally {
    closeSync(fd);
  }
}

/** Buffers a range chunk by chunk and cuts it into lines, without a copy per line. */
class ChunkReader {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  /** Bytes of the range not yet read from the file. */
  private position: number;
  /** The line found last is `buffer[lineStart, lineEnd)`. */
  private lineStart = 0;
  private lineEnd = 0;
  /** `buffer[next, filled)` holds read bytes after that line. */
  private next = 0;
  private filled = 0;

  constructor(
    private readonly fd: number,
    private readonly range: NdjsonRange,
    private readonly maxLineBytes: number,
  ) {
    this.position = range.start;
  }

  /** Finds the next line: true, `LINE_TOO_LONG`, or undefined at the end of the range. */
  nextLine(): true | typeof LINE_TOO_LONG | undefined {
    let searchFrom = this.next;
    for (;;) {
      const newline = this.buffer.indexOf(NEWLINE, searchFrom);
      if (newline !== -1 && newline < this.filled) return this.take(newline, newline + 1);
      const scanned = this.filled - this.next;
      if (scanned > this.maxLineBytes) return this.skipLongLine();
      if (!this.fill()) return scanned === 0 ? undefined : this.take(this.filled, this.filled);
      searchFrom = this.next + scanned;
    }
  }

  /** The line found last, decoded (`atFileStart`: drop a byte-order mark). */
  decode(atFileStart: boolean): string {
    const { buffer, lineEnd } = this;
    let start = this.lineStart;
    if (atFileStart && BOM.equals(buffer.subarray(start, Math.min(start + 3, lineEnd)))) start += 3;
    const end = lineEnd > start && buffer[lineEnd - 1] === CARRIAGE_RETURN ? lineEnd - 1 : lineEnd;
    return buffer.toString('utf8', start, end);
  }

  private take(end: number, next: number): true | typeof LINE_TOO_LONG {
    this.lineStart = this.next;
    this.lineEnd = end;
    this.next = next;
    return end - this.lineStart > this.maxLineBytes ? LINE_TOO_LONG : true;
  }

  /** Drops bytes up to the end of an over-long line without keeping them. */
  private skipLongLine(): typeof LINE_TOO_LONG {
    for (;;) {
      const newline = this.buffer.indexOf(NEWLINE, this.next);
      if (newline !== -1 && newline < this.filled) {
        this.next = newline + 1;
        return LINE_TOO_LONG;
      }
      this.next = this.filled;
      if (!this.fill()) return LINE_TOO_LONG;
    }
  }

  /**
   * Moves the unread bytes to the front (growing the buffer when a line
   * fills it) and reads more of the range. False at the end of the range.
   */
  private fill(): boolean {
    const remaining = this.range.end - this.position;
    if (remaining <= 0) return false;
    const kept = this.filled - this.next;
    const target = kept === this.buffer.length ? Buffer.allocUnsafe(kept * 2) : this.buffer;
    this.buffer.copy(target, 0, this.next, this.filled);
    this.buffer = target;
    this.next = 0;
    this.filled = kept;
    const space = Math.min(this.buffer.length - kept, remaining);
    const read = readSync(this.fd, this.buffer, kept, space, this.position);
    this.position += read;
    this.filled += read;
    return read > 0;
  }
}
