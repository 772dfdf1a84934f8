/**
 * The state of one long-CSV import, fed line by line (as bytes): header,
 * line numbers, report, children and measurements. Every data line first
 * tries the byte-level fast path (`FastCsvRow`); whatever it declines is
 * decoded and handled by the exact path (`parseCsvLine` + `parseCsvRow`),
 * which also writes every problem into the report. Both paths share the
 * child registry, so a child's first row defines it whichever path read it.
 */
import type { Cohort, MeasurementKind, Sex } from '../../../benchmark/cohort.js';
import { IngestReportBuilder, WHOLE_ROW } from '../ingest-report.js';
import type { IngestReport } from '../ingest-report.js';
import { headerInvalid, parseCsvHeader } from '../parse-csv-header.js';
import type { CsvColumns } from '../parse-csv-header.js';
import { parseCsvLine } from '../parse-csv-line.js';
import { parseCsvRow } from '../parse-csv-row.js';
import type { FieldProblem } from '../parse-csv-row.js';
import { CompactCohortBuilder } from './compact-cohort-builder.js';
import { FastCsvRow } from './fast-csv-row.js';
import type { ByteLineSink } from './read-byte-lines.js';

const CR = 0x0d;
const NO_PROBLEMS: readonly FieldProblem[] = Object.freeze([]);

/** What a valid row, from either path, gives a measurement. */
interface RowValues {
  readonly sex: Sex;
  readonly birthDay: number;
  readonly gestationalAgeWeeks: number;
  readonly measurementDay: number;
  readonly kind: MeasurementKind;
  readonly value: number;
  readonly estimated: boolean;
}

/** Options of an import. */
export interface CsvIngestOptions {
  /** Longest accepted line in characters (UTF-16 code units, as JavaScript counts). */
  readonly maxLineChars: number;
  /** False sends every row down the exact path (for tests and diagnosis). */
  readonly fastRows: boolean;
}

/** Consumes the lines of one file; `finish` gives the cohort and report. */
export class CsvCohortIngest implements ByteLineSink {
  private readonly builder = new CompactCohortBuilder();
  private readonly report: IngestReportBuilder;
  private columns: CsvColumns | undefined;
  private fast: FastCsvRow | undefined;
  private lineNumber = 0;
  /** The child of the last row the fast path accepted. */
  private lastChild = -1;

  constructor(
    file: string,
    private readonly options: CsvIngestOptions,
  ) {
    this.report = new IngestReportBuilder(file);
  }

  /** One line without `\n`; a trailing `\r` is dropped here. */
  line(buffer: Buffer, start: number, end: number): void {
    this.lineNumber += 1;
    const stop = end > start && buffer[end - 1] === CR ? end - 1 : end;
    // A line has at least as many bytes as characters: only a long one needs counting.
    const long = stop - start > this.options.maxLineChars;
    if (!long && this.fast?.parse(buffer, start, stop) === true) {
      this.addFastRow(buffer, this.fast);
      return;
    }
    const text = buffer.toString('utf8', start, stop);
    this.textLine(text, long && text.length > this.options.maxLineChars);
  }

  /** A line longer than any accepted line. */
  tooLong(): void {
    this.lineNumber += 1;
    this.textLine('', true);
  }

  /**
   * The cohort and report.
   * @throws CentileError `CSV_HEADER_INVALID` when the file had no header row.
   */
  finish(): { cohort: Cohort; report: IngestReport } {
    if (this.columns === undefined) throw headerInvalid('the file has no header row');
    return { cohort: this.builder.build(), report: this.report.build() };
  }

  /** The exact path for one line, header included. */
  private textLine(text: string, tooLong: boolean): void {
    if (!tooLong && text.trim() === '') return; // blank lines hold no data
    if (this.columns === undefined) {
      this.columns = readHeader(text, tooLong);
      if (this.options.fastRows) this.fast = new FastCsvRow(this.columns);
      return;
    }
    const problems = this.addTextRow(text, tooLong, this.columns);
    if (problems.length === 0) this.report.accept();
    else this.report.reject(this.lineNumber, problems);
  }

  private addTextRow(text: string, tooLong: boolean, columns: CsvColumns): readonly FieldProblem[] {
    if (tooLong) return [{ field: WHOLE_ROW, reason: 'LINE_TOO_LONG' }];
    const fields = parseCsvLine(text);
    // A wrong field count means shifted columns (e.g. an unquoted comma): trust nothing in the row.
    if (fields?.length !== columns.count) return [{ field: WHOLE_ROW, reason: 'MALFORMED_ROW' }];
    const parsed = parseCsvRow(fields, columns);
    if (!parsed.ok) return parsed.problems;
    const { row } = parsed;
    const child =
      this.builder.childIndex(row.childId) ??
      this.builder.addChild(row.childId, row.sex, row.birthDay, row.gestationalAgeWeeks);
    return this.addMeasurement(child, row);
  }

  private addFastRow(buffer: Buffer, row: FastCsvRow): void {
    const child = this.fastChild(buffer, row);
    const problems = this.addMeasurement(child, row);
    if (problems.length === 0) this.report.accept();
    else this.report.reject(this.lineNumber, problems);
  }

  /** The child of a fast row, added if new. */
  private fastChild(buffer: Buffer, row: FastCsvRow): number {
    if (row.sameChild && this.lastChild !== -1) return this.lastChild;
    // Printable ASCII (checked by the fast path), so latin1 decodes it as UTF-8 would.
    const id = buffer.toString('latin1', row.idStart, row.idEnd);
    this.lastChild =
      this.builder.childIndex(id) ??
      this.builder.addChild(id, row.sex, row.birthDay, row.gestationalAgeWeeks);
    return this.lastChild;
  }

  /**
   * Checks a valid row against its child and adds the measurement. The
   * child's first accepted row defines it; later rows must repeat the same
   * sex, birth date and gestational age (empty only where it was empty), or
   * ages computed from them would silently mix two children.
   */
  private addMeasurement(child: number, row: RowValues): readonly FieldProblem[] {
    const { builder } = this;
    const sameSex = builder.sexOf(child) === row.sex;
    const sameBirth = builder.birthDayOf(child) === row.birthDay;
    const sameWeeks = Object.is(builder.gestationalAgeWeeksOf(child), row.gestationalAgeWeeks);
    if (!sameSex || !sameBirth || !sameWeeks) {
      const conflicts: FieldProblem[] = [];
      if (!sameSex) conflicts.push({ field: 'sex', reason: 'CONFLICTING_CHILD' });
      if (!sameBirth) conflicts.push({ field: 'birth_date', reason: 'CONFLICTING_CHILD' });
      if (!sameWeeks)
        conflicts.push({ field: 'gestational_age_weeks', reason: 'CONFLICTING_CHILD' });
      return conflicts;
    }
    const ageDays = row.measurementDay - row.birthDay;
    builder.addMeasurement(child, ageDays, row.kind, row.value, row.estimated);
    return NO_PROBLEMS;
  }
}

function readHeader(text: string, tooLong: boolean): CsvColumns {
  const fields = tooLong ? undefined : parseCsvLine(text);
  if (fields === undefined) throw headerInvalid('the header row is not valid CSV');
  return parseCsvHeader(fields);
}
