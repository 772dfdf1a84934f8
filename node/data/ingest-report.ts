/**
 * What a data adapter tells hospital IT about an import: how many rows it
 * read, accepted and rejected, and why. A problem names a row, a column and
 * a reason code, never the value itself: reports end up in logs, tickets and
 * admin screens, and a value is patient data.
 */

/** Why a row was rejected; stable codes shared by every adapter. */
export type ProblemReason =
  | 'MISSING_VALUE'
  | 'BAD_DATE'
  | 'BAD_NUMBER'
  | 'BAD_SEX'
  | 'BAD_BOOLEAN'
  | 'UNKNOWN_UNIT'
  | 'UNKNOWN_KIND'
  | 'OUT_OF_RANGE'
  | 'CONFLICTING_CHILD'
  | 'MEASURED_BEFORE_BIRTH'
  | 'MALFORMED_ROW'
  | 'LINE_TOO_LONG'
  /** Same child, day, kind and value as a measurement already read: the first copy is kept. */
  | 'DUPLICATE'
  /** FHIR: `status` is `entered-in-error`. */
  | 'ENTERED_IN_ERROR'
  /** FHIR: `status` is missing or not `final`, `amended` or `corrected`. */
  | 'NOT_FINAL'
  /** FHIR: a `dataAbsentReason` instead of a value. */
  | 'VALUE_ABSENT'
  /** A date with only a year, or a year and month: ages must be exact. */
  | 'PARTIAL_DATE'
  /** FHIR/OMOP: the measurement's subject is not a patient (person) of the export. */
  | 'UNKNOWN_PATIENT'
  | 'UNKNOWN_PERSON'
  /** FHIR/OMOP: the subject's own record was rejected, so its measurements cannot be used. */
  | 'PATIENT_REJECTED'
  | 'PERSON_REJECTED'
  /** FHIR: the export manifest names a file that is not there, or a Bundle is too large. */
  | 'FILE_MISSING'
  | 'FILE_TOO_LARGE';

/** Field name used when a problem concerns the whole row rather than one column. */
export const WHOLE_ROW = '*';

/** One reason a row was rejected. Holds no data values. */
export interface Problem {
  /** Base name of the file, for exports made of several files (never a full path). */
  readonly file?: string;
  /** 1-based line number in the file (the header is line 1), or entry position in a Bundle. */
  readonly row: number;
  /** `Type/id` of a FHIR resource, when it has one (an export identifier, not a value). */
  readonly resource?: string;
  /** Column name as documented (e.g. `birth_date`), or `*` for the whole row. */
  readonly field: string;
  readonly reason: ProblemReason;
}

/** Outcome of one import. `rowsAccepted + rowsRejected === rowsRead`. */
export interface IngestReport {
  /** Base name of the file only: full paths can reveal site layout. */
  readonly file: string;
  /** Data rows read (blank lines and the header are not rows). */
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  /** The first `MAX_REPORTED_PROBLEMS` problems, in file order. */
  readonly problems: readonly Problem[];
  /** Every problem counted by reason, including those past the list's limit. */
  readonly problemCounts: Readonly<Record<string, number>>;
}

/** How many problems a report lists; the counts cover all of them. */
export const MAX_REPORTED_PROBLEMS = 200;

/** Accumulates an `IngestReport` while an adapter reads rows. */
export class IngestReportBuilder {
  private rowsAccepted = 0;
  private rowsRejected = 0;
  private readonly problems: Problem[] = [];
  private readonly problemCounts: Record<string, number> = {};

  constructor(private readonly file: string) {}

  /** Counts a row that went into the cohort. */
  accept(): void {
    this.rowsAccepted += 1;
  }

  /** Counts a rejected row with its problems (at least one). */
  reject(row: number, problems: ReadonlyArray<{ field: string; reason: ProblemReason }>): void {
    this.rowsRejected += 1;
    for (const { field, reason } of problems) {
      this.problemCounts[reason] = (this.problemCounts[reason] ?? 0) + 1;
      if (this.problems.length < MAX_REPORTED_PROBLEMS) this.problems.push({ row, field, reason });
    }
  }

  /** The report so far, frozen. */
  build(): IngestReport {
    return Object.freeze({
      file: this.file,
      rowsRead: this.rowsAccepted + this.rowsRejected,
      rowsAccepted: this.rowsAccepted,
      rowsRejected: this.rowsRejected,
      problems: Object.freeze([...this.problems]),
      problemCounts: Object.freeze({ ...this.problemCounts }),
    });
  }
}
