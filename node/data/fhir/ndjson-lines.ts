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
    const chunks = new ChunkReader(fd, range);
    let atFileStart = range.start === 0;
    for (let line = chunks.nextLine(maxLineBytes); line !== undefined;) {
      if (line === LINE_TOO_LONG) yield line;
      else yield decode(line, atFileStart);
      atFileStart = false;
      line = chunks.nextLine(maxLineBytes);
    }
  } finally {
    closeSync(fd);
  }
}

function decode(line: Buffer, atFileStart: boolean): string {
  const start = atFileStart && line.subarray(0, 3).equals(BOM) ? 3 : 0;
  const end = line.at(-1) === CARRIAGE_RETURN ? line.length - 1 : line.length;
  return line.toString('utf8', start, end);
}

/** Buffers a range chunk by chunk and cuts it into lines. */
class ChunkReader {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  /** Bytes of the range not yet read from the file. */
  private position: number;
  /** `buffer[lineStart, filled)` holds read bytes not yet returned. */
  private lineStart = 0;
  private filled = 0;

  constructor(
    private readonly fd: number,
    private readonly range: NdjsonRange,
  ) {
    this.position = range.start;
  }

  /** The next line's bytes (a view, valid until the next call), `LINE_TOO_LONG`, or undefined at the end. */
  nextLine(maxLineBytes: number): Buffer | typeof LINE_TOO_LONG | undefined {
    let searchFrom = this.lineStart;
    for (;;) {
      const newline = this.buffer.subarray(0, this.filled).indexOf(NEWLINE, searchFrom);
      if (newline !== -1) return this.take(newline, newline + 1, maxLineBytes);
      const scanned = this.filled - this.lineStart;
      if (scanned > maxLineBytes) return this.skipLongLine();
      if (!this.fill()) {
        if (scanned === 0) return undefined;
        return this.take(this.filled, this.filled, maxLineBytes); // no final newline
      }
      searchFrom = this.lineStart + scanned;
    }
  }

  private take(end: number, next: number, maxLineBytes: number): Buffer | typeof LINE_TOO_LONG {
    const line = this.buffer.subarray(this.lineStart, end);
    this.lineStart = next;
    return line.length > maxLineBytes ? LINE_TOO_LONG : line;
  }

  /** Drops bytes up to the end of an over-long line without keeping them. */
  private skipLongLine(): typeof LINE_TOO_LONG {
    for (;;) {
      const newline = this.buffer.subarray(0, this.filled).indexOf(NEWLINE, this.lineStart);
      if (newline !== -1) {
        this.lineStart = newline + 1;
        return LINE_TOO_LONG;
      }
      this.lineStart = this.filled;
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
    const kept = this.filled - this.lineStart;
    const target = kept === this.buffer.length ? Buffer.allocUnsafe(kept * 2) : this.buffer;
    this.buffer.copy(target, 0, this.lineStart, this.filled);
    this.buffer = target;
    this.lineStart = 0;
    this.filled = kept;
    const read = readSync(
      this.fd,
      this.buffer,
      kept,
      Math.min(this.buffer.length - kept, remaining),
      this.position,
    );
    this.position += read;
    this.filled += read;
    return read > 0;
  }
}
