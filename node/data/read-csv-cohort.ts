/**
 * The CSV cohort adapter: reads a long-format export (one measurement per
 * line, see README.md) into the columnar `Cohort`, streaming so file size is
 * bounded by disk, not memory. Bad rows are rejected with a reason in the
 * report, never silently dropped, and never crash the import.
 *
 * Speed: lines are split and, when they look ordinary, parsed as bytes
 * (`csv/fast-csv-row.ts`); every other line takes the exact string path,
 * which gives the same result for any row the fast path accepts.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Cohort } from '../../benchmark/cohort.js';
import { CentileError } from '../../benchmark/errors.js';
import type { IngestReport } from './ingest-report.js';
import { CsvCohortIngest } from './csv/csv-cohort-ingest.js';
import { readByteLines } from './csv/read-byte-lines.js';

/** A cohort and the report of how it was read. */
export interface CsvCohortResult {
  readonly cohort: Cohort;
  readonly report: IngestReport;
}

/** Tuning of `readCsvCohort`; the defaults are what production uses. */
export interface ReadCsvOptions {
  /** False parses every row with the exact string path only (tests, diagnosis). Default true. */
  readonly fastRows?: boolean;
  /** Bytes per read; small values exercise chunk boundaries in tests. Default 1 MiB. */
  readonly chunkBytes?: number;
}

/** Longest accepted line; longer ones are rejected as `LINE_TOO_LONG`. */
export const MAX_LINE_CHARS = 64 * 1024;

const CHUNK_BYTES = 1024 * 1024;
/**
 * A UTF-8 line decodes to at least one character per 3 bytes (invalid bytes
 * included), so a line with more bytes than this is too long for certain
 * and is dropped unread; shorter ones are decoded and counted exactly.
 */
const MAX_HELD_LINE_BYTES = 3 * (MAX_LINE_CHARS + 2);

/**
 * Reads a long-format CSV file into a cohort.
 * @throws CentileError `DATA_NOT_FOUND` (missing, unreadable or not a file),
 *   `CSV_HEADER_INVALID` (no header, or a required column missing),
 *   `DATA_READ_FAILED` (an I/O error part-way through).
 */
export async function readCsvCohort(
  filePath: string,
  options: ReadCsvOptions = {},
): Promise<CsvCohortResult> {
  const handle = await openDataFile(filePath);
  const ingest = new CsvCohortIngest(path.basename(filePath), {
    maxLineChars: MAX_LINE_CHARS,
    fastRows: options.fastRows ?? true,
  });
  try {
    const read = async (buffer: Buffer, offset: number, length: number): Promise<number> =>
      (await handle.read(buffer, offset, length, null)).bytesRead;
    await readByteLines(read, ingest, {
      maxLineBytes: MAX_HELD_LINE_BYTES,
      chunkBytes: options.chunkBytes ?? CHUNK_BYTES,
    });
    return ingest.finish();
  } catch (error) {
    if (error instanceof CentileError) throw error;
    throw new CentileError('unavailable', 'DATA_READ_FAILED', 'reading the data file failed', {
      cause: error,
    });
  } finally {
    await handle.close().catch(() => undefined); // a failed close loses nothing already read
  }
}

async function openDataFile(filePath: string): Promise<FileHandle> {
  const notFound = (cause?: unknown): CentileError =>
    new CentileError('not-found', 'DATA_NOT_FOUND', 'data file not found or unreadable', { cause });
  const handle = await open(filePath, 'r').catch((cause: unknown) => {
    throw notFound(cause);
  });
  const isFile = await handle.stat().then(
    (stats) => stats.isFile(),
    () => false,
  );
  if (!isFile) {
    await handle.close();
    throw notFound();
  }
  return handle;
}
