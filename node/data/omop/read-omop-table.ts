/**
 * Streams one OMOP table file (PERSON or MEASUREMENT) line by line: the
 * header first, then each data row handed to a callback with a reader of its
 * columns. Memory stays at one line plus one chunk, whatever the file size:
 * a MEASUREMENT table holds every lab value of the site.
 */
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { CentileError } from '../../../benchmark/errors.js';
import { WHOLE_ROW } from '../ingest-report.js';
import { headerInvalid } from '../parse-csv-header.js';
import { readLines } from '../read-lines.js';
import type { Line } from '../read-lines.js';
import type { OmopFieldProblem } from './omop-ingest-report.js';
import { detectDelimiter, parseDelimitedLine } from './parse-delimited-line.js';
import type { Delimiter } from './parse-delimited-line.js';
import { parseOmopHeader } from './parse-omop-header.js';
import type { OmopColumns, OmopTableSpec } from './parse-omop-header.js';

/** Longest accepted line; longer ones are rejected as `LINE_TOO_LONG`. */
export const MAX_LINE_CHARS = 64 * 1024;

const CHUNK_BYTES = 64 * 1024;

/** A column's trimmed text in the current row; empty when absent or empty. */
export type ColumnReader<C extends string> = (column: C) => string;

/**
 * One data row: its columns, or why the line as a whole cannot be read
 * (broken quoting or a field count unlike the header's: shifted columns,
 * so nothing in it can be trusted).
 */
export type TableRow<C extends string> =
  | { readonly ok: true; readonly read: ColumnReader<C> }
  | { readonly ok: false; readonly problem: OmopFieldProblem };

/**
 * Reads `filePath` and calls `onRow` with each data row and its 1-based line
 * number (the header is line 1; blank lines are skipped but numbered). A
 * row's `read` sees that row only during the call.
 * @throws CentileError `DATA_NOT_FOUND` (missing or unreadable),
 *   `CSV_HEADER_INVALID` (no header, or required columns missing),
 *   `DATA_READ_FAILED` (an I/O error part-way through).
 */
export async function readOmopTable<C extends string>(
  filePath: string,
  spec: OmopTableSpec<C>,
  onRow: (row: number, line: TableRow<C>) => void,
): Promise<void> {
  const handle = await openTable(filePath, spec.table);
  const stream = handle.createReadStream({ encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  try {
    await readRows(readLines(stream, MAX_LINE_CHARS), spec, onRow);
  } catch (error) {
    if (error instanceof CentileError) throw error;
    throw new CentileError('unavailable', 'DATA_READ_FAILED', `reading ${spec.table} failed`, {
      cause: error,
    });
  } finally {
    stream.destroy(); // also closes the handle, on early exit too
  }
}

async function openTable(filePath: string, table: string): Promise<FileHandle> {
  return open(filePath, 'r').catch((cause: unknown) => {
    throw new CentileError('not-found', 'DATA_NOT_FOUND', `${table} table unreadable`, { cause });
  });
}

async function readRows<C extends string>(
  lines: AsyncIterable<Line>,
  spec: OmopTableSpec<C>,
  onRow: (row: number, line: TableRow<C>) => void,
): Promise<void> {
  let table: RowReader<C> | undefined;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.tooLong && isBlank(line.text)) continue; // blank lines hold no data
    if (table === undefined) table = readHeader(line, spec);
    else onRow(lineNumber, table.toRow(line));
  }
  if (table === undefined) throw headerInvalid(`${spec.table}: the file has no header row`);
}

/** True for an empty or all-blank line; data lines start with a visible character, so most return at once. */
function isBlank(text: string): boolean {
  return text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '');
}

function readHeader<C extends string>(line: Line, spec: OmopTableSpec<C>): RowReader<C> {
  const delimiter = detectDelimiter(line.text);
  const fields = line.tooLong ? undefined : parseDelimitedLine(line.text, delimiter);
  if (fields === undefined) throw headerInvalid(`${spec.table}: the header row is not valid CSV`);
  return new RowReader(parseOmopHeader(fields, spec), delimiter);
}

const TOO_LONG = { ok: false, problem: { field: WHOLE_ROW, reason: 'LINE_TOO_LONG' } } as const;
const MALFORMED = { ok: false, problem: { field: WHOLE_ROW, reason: 'MALFORMED_ROW' } } as const;

/**
 * Splits data lines and reads their columns. One reader serves every row
 * (its `read` sees the current row only), so a table of millions of rows
 * allocates no closure per row.
 */
class RowReader<C extends string> {
  private fields: readonly string[] = [];
  private readonly row: TableRow<C> = { ok: true, read: (column) => this.read(column) };

  constructor(
    private readonly columns: OmopColumns<C>,
    private readonly delimiter: Delimiter,
  ) {}

  /** The line as a row; valid until the next call. */
  toRow(line: Line): TableRow<C> {
    if (line.tooLong) return TOO_LONG;
    const fields = parseDelimitedLine(line.text, this.delimiter);
    // A wrong field count means shifted columns (e.g. an unquoted comma): trust nothing in the row.
    if (fields?.length !== this.columns.count) return MALFORMED;
    this.fields = fields;
    return this.row;
  }

  private read(column: C): string {
    const index = this.columns.index[column];
    return index === undefined ? '' : (this.fields[index] ?? '').trim();
  }
}
