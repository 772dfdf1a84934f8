/**
 * Splits a byte source into lines without decoding it, holding at most one
 * chunk plus one bounded partial line: an export of any size streams, and a
 * broken line ending cannot exhaust the node's memory. The caller decides
 * what a line means; only lines that cannot possibly be short enough are
 * dropped here.
 */

/** Reads up to `length` bytes into `buffer` at `offset`; resolves how many, 0 at the end. */
export type ReadInto = (buffer: Buffer, offset: number, length: number) => Promise<number>;

/** Receives the lines in order. */
export interface ByteLineSink {
  /**
   * One line, bytes `[start, end)` of `buffer`, without its `\n` (a `\r`
   * before it is still there). The bytes are only valid during the call.
   */
  line(buffer: Buffer, start: number, end: number): void;
  /** A line longer than `maxLineBytes`; its bytes were never held. */
  tooLong(): void;
}

/** Sizes of the split. */
export interface ByteLineOptions {
  /** Lines with more bytes than this (without `\n`) are reported with `tooLong`. */
  readonly maxLineBytes: number;
  /** Bytes asked for per read. */
  readonly chunkBytes: number;
}

/**
 * Feeds every line of `read` to `sink`. A last line without a terminator is
 * still a line; the empty string after a final `\n` is not.
 */
export async function readByteLines(
  read: ReadInto,
  sink: ByteLineSink,
  options: ByteLineOptions,
): Promise<void> {
  const { maxLineBytes, chunkBytes } = options;
  // Room for the longest partial line kept plus one full read.
  const buffer = Buffer.allocUnsafe(maxLineBytes + 1 + chunkBytes);
  let kept = 0; // bytes of an unfinished line at the start of the buffer
  let skipping = false; // inside a line already reported as too long
  for (;;) {
    const count = await read(buffer, kept, chunkBytes);
    const end = kept + count;
    let start = 0;
    for (let newline = buffer.indexOf(10, kept); newline !== -1 && newline < end;) {
      if (skipping) sink.tooLong();
      else if (newline - start > maxLineBytes) sink.tooLong();
      else sink.line(buffer, start, newline);
      skipping = false;
      start = newline + 1;
      newline = buffer.indexOf(10, start);
    }
    if (count === 0) {
      if (skipping || end - start > maxLineBytes) sink.tooLong();
      else if (end > start) sink.line(buffer, start, end);
      return;
    }
    if (skipping || end - start > maxLineBytes) {
      skipping = true;
      kept = 0;
    } else {
      buffer.copyWithin(0, start, end);
      kept = end - start;
    }
  }
}
