/**
 * Cuts NDJSON files into byte ranges that start at line starts, so several
 * threads can parse one large export file side by side (bulk exports often
 * come as one multi-gigabyte `Observation.ndjson`). A line belongs to the
 * range its first byte is in.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

/** Bytes `[start, end)` of the file at `path`. */
export interface NdjsonRange {
  readonly path: string;
  readonly start: number;
  readonly end: number;
}

const PROBE_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * `filePath` as ranges of about `rangeBytes` each, in file order: every cut
 * is moved forward to just after the next newline (a cut that would land
 * past the end is dropped). An empty file is one empty range.
 */
export async function splitNdjsonFile(
  filePath: string,
  rangeBytes: number,
): Promise<NdjsonRange[]> {
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    const ranges: NdjsonRange[] = [];
    let start = 0;
    while (start + rangeBytes < size) {
      const cut = await nextLineStart(file, start + rangeBytes, size);
      if (cut >= size) break;
      ranges.push({ path: filePath, start, end: cut });
      start = cut;
    }
    ranges.push({ path: filePath, start, end: size });
    return ranges;
  } finally {
    await file.close();
  }
}

/** The offset just after the first newline at or after `from` (or `size` when there is none). */
async function nextLineStart(file: FileHandle, from: number, size: number): Promise<number> {
  const probe = Buffer.allocUnsafe(PROBE_BYTES);
  for (let at = from; at < size; at += PROBE_BYTES) {
    const { bytesRead } = await file.read(probe, 0, PROBE_BYTES, at);
    const newline = probe.subarray(0, bytesRead).indexOf(NEWLINE);
    if (newline !== -1) return at + newline + 1;
    if (bytesRead === 0) break;
  }
  return size;
}
