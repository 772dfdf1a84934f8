/**
 * The CSV cohort adapter: reads a long-format export (one measurement per
 * line, see README.md) into the columnar `Cohort`, streaming line by line so
 * file size is bounded by disk, not memory. Bad rows are rejected with a
 * reason in the report, never silently dropped, and never crash the import.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { CohortBuilder } from '../../benchmark/cohort-builder.js';
import type { Cohort } from '../../benchmark/cohort.js';
import { CentileError } from '../../benchmark/errors.js';
import { IngestReportBuilder, WHOLE_ROW } from './ingest-report.js';
import type { IngestReport } from './ingest-report.js';
import { readLines } from './read-lines.js';
import type { Line } from './read-lines.js';
import { parseCsvHeader, headerInvalid } from './parse-csv-header.js';
import type { CsvColumns } from './parse-csv-header.js';
import { parseCsvLine } from './parse-csv-line.js';
import { parseCsvRow } from './parse-csv-row.js';
import type { CsvRow, FieldProblem } from './parse-csv-row.js';

/** A cohort and the report of how it was read. */
export interface CsvCohortResult {
  readonly cohort: Cohort;
  readonly report: IngestReport;
}

/** Longest accepted line; longer ones are rejected as `LINE_TOO_LONG`. */
export const MAX_LINE_CHARS = 64 * 1024;

const CHUNK_BYTES = 64 * 1024;
const DAYS_PER_WEEK = 7;

/** What is known of a child from its first accepted row. */
interface KnownChild {
  readonly index: number;
  readonly sex: number;
  readonly birthDay: number;
  readonly gestationalAgeWeeks: number;
}

/**
 * Reads a long-format CSV file into a cohort.
 * @throws CentileError `DATA_NOT_FOUND` (missing, unreadable or not a file),
 *   `CSV_HEADER_INVALID` (no header, or a required column missing),
 *   `DATA_READ_FAILED` (an I/O error part-way through).
 */
export async function readCsvCohort(filePath: string): Promise<CsvCohortResult> {
  const handle = await openDataFile(filePath);
  const stream = handle.createReadStream({ encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    return await ingest(readLines(stream, MAX_LINE_CHARS), path.basename(filePath));
  } catch (error) {
    if (error instanceof CentileError) throw error;
    throw new CentileError('unavailable', 'DATA_READ_FAILED', 'reading the data file failed', {
      cause: error,
    });
  } finally {
    stream.destroy(); // also closes the handle, on early exit too
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

async function ingest(lines: AsyncIterable<Line>, file: string): Promise<CsvCohortResult> {
  const builder = new CohortBuilder();
  const report = new IngestReportBuilder(file);
  const children = new Map<string, KnownChild>();
  let columns: CsvColumns | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.tooLong && line.text.trim() === '') continue; // blank lines hold no data
    if (columns === undefined) {
      columns = readHeader(line);
      continue;
    }
    const problems = addRow(line, columns, builder, children);
    if (problems.length === 0) report.accept();
    else report.reject(lineNumber, problems);
  }
  if (columns === undefined) throw headerInvalid('the file has no header row');
  return { cohort: builder.build(), report: report.build() };
}

function readHeader(line: Line): CsvColumns {
  const fields = line.tooLong ? undefined : parseCsvLine(line.text);
  if (fields === undefined) throw headerInvalid('the header row is not valid CSV');
  return parseCsvHeader(fields);
}

/** Adds one data line to the cohort; returns its problems (none when added). */
function addRow(
  line: Line,
  columns: CsvColumns,
  builder: CohortBuilder,
  children: Map<string, KnownChild>,
): FieldProblem[] {
  if (line.tooLong) return [{ field: WHOLE_ROW, reason: 'LINE_TOO_LONG' }];
  const fields = parseCsvLine(line.text);
  // A wrong field count means shifted columns (e.g. an unquoted comma): trust nothing in the row.
  if (fields?.length !== columns.count) return [{ field: WHOLE_ROW, reason: 'MALFORMED_ROW' }];
  const parsed = parseCsvRow(fields, columns);
  if (!parsed.ok) return parsed.problems;
  const { row } = parsed;
  const known = children.get(row.childId) ?? addChild(row, builder, children);
  const conflicts = conflictsWith(known, row);
  if (conflicts.length > 0) return conflicts;
  builder.addMeasurement({
    childIndex: known.index,
    ageDays: row.measurementDay - row.birthDay,
    kind: row.kind,
    value: row.value,
    estimated: row.estimated,
  });
  return [];
}

function addChild(
  row: CsvRow,
  builder: CohortBuilder,
  children: Map<string, KnownChild>,
): KnownChild {
  const gestation = row.gestationalAgeWeeks;
  const index = builder.addChild({
    id: row.childId,
    sex: row.sex,
    birthDay: row.birthDay,
    ...(Number.isNaN(gestation) ? {} : { gestationalAgeDays: gestation * DAYS_PER_WEEK }),
  });
  const known = { index, sex: row.sex, birthDay: row.birthDay, gestationalAgeWeeks: gestation };
  children.set(row.childId, known);
  return known;
}

/**
 * The child's first accepted row defines it; later rows must repeat the same
 * sex, birth date and gestational age (empty only where it was empty), or
 * ages computed from them would silently mix two children.
 */
function conflictsWith(known: KnownChild, row: CsvRow): FieldProblem[] {
  const conflicts: FieldProblem[] = [];
  if (known.sex !== row.sex) conflicts.push({ field: 'sex', reason: 'CONFLICTING_CHILD' });
  if (known.birthDay !== row.birthDay)
    conflicts.push({ field: 'birth_date', reason: 'CONFLICTING_CHILD' });
  if (!Object.is(known.gestationalAgeWeeks, row.gestationalAgeWeeks)) {
    conflicts.push({ field: 'gestational_age_weeks', reason: 'CONFLICTING_CHILD' });
  }
  return conflicts;
}
