/**
 * The report of a FHIR import. It keeps the shape of `IngestReport` (rows
 * read, accepted, rejected, problems, counts by reason) and adds what a
 * multi-file export needs: the file of each problem, the resource it was
 * about, and what was ignored on purpose (other resource types, observations
 * that are not growth measurements). Like every report it names where and
 * why, never a value: reports end up in tickets and admin screens.
 */
import { MAX_REPORTED_PROBLEMS } from '../ingest-report.js';
import type { IngestReport, Problem, ProblemReason } from '../ingest-report.js';

/**
 * Why a FHIR resource (or file) was not used. The CSV reasons, plus those only
 * FHIR has. `DUPLICATE` is not an error: the first copy of the measurement is
 * in the cohort, the repeat is counted here so that nothing vanishes unexplained.
 */
export type FhirProblemReason =
  | ProblemReason
  /** `status` is `entered-in-error`. */
  | 'ENTERED_IN_ERROR'
  /** `status` is missing or not `final`, `amended` or `corrected` (e.g. `preliminary`, `cancelled`). */
  | 'NOT_FINAL'
  /** The observation has a `dataAbsentReason` instead of a value. */
  | 'VALUE_ABSENT'
  /** `birthDate` (or the observation date) has only a year or a year and month. */
  | 'PARTIAL_DATE'
  /** The subject is not a Patient of the export. */
  | 'UNKNOWN_PATIENT'
  /** The subject is a Patient that was itself rejected. */
  | 'PATIENT_REJECTED'
  /** Same patient, day, kind and value as a measurement already read (or the same Patient again). */
  | 'DUPLICATE'
  /** The export manifest names a file that is not in the folder. */
  | 'FILE_MISSING'
  /** A Bundle file is larger than `MAX_BUNDLE_BYTES`. */
  | 'FILE_TOO_LARGE';

/** One reason a resource (or a whole file, `row` 0) was not used. Holds no data values. */
export interface FhirProblem extends Omit<Problem, 'reason'> {
  /** Base name of the file (never a full path). */
  readonly file: string;
  /**
   * 1-based line number in an NDJSON file, or 1-based position of the entry
   * in a Bundle (`Bundle.entry[row - 1]`); 0 when the problem is the whole file.
   */
  readonly row: number;
  /** `Type/id` of the resource when it has an id. */
  readonly resource?: string;
  /** FHIR element (e.g. `valueQuantity.code`, `birthDate`), or `*` for the whole resource. */
  readonly field: string;
  readonly reason: FhirProblemReason;
}

/**
 * Outcome of one FHIR import. A "row" is a Patient or growth Observation
 * resource (or an unreadable line, entry or file):
 * `rowsAccepted + rowsRejected === rowsRead`. Duplicates are among the
 * rejected rows (reason `DUPLICATE`) and also counted in `duplicates`.
 */
export interface FhirIngestReport extends Omit<IngestReport, 'problems'> {
  /** Base name of the path that was read (folder or file). */
  readonly file: string;
  /** The first `MAX_REPORTED_PROBLEMS` problems, in reading order. */
  readonly problems: readonly FhirProblem[];
  /** Rejected rows that repeat data already in the cohort. */
  readonly duplicates: number;
  /** Resources of other types (Encounter, Claim, …) by type; not rows. */
  readonly ignoredResources: Readonly<Record<string, number>>;
  /** Observations whose code is not a growth measurement (labs, percentiles, …); not rows. */
  readonly ignoredObservations: number;
  /** Base names of the files read, in reading order. */
  readonly filesRead: readonly string[];
  /** Base names of files in the folder that were not read (other formats, export logs, …). */
  readonly filesIgnored: readonly string[];
}

/**
 * Where a resource was read: file base name, row (see `FhirProblem.row`),
 * and the resource's type and id when known. The `Type/id` text is only
 * built for problems, not for every resource read.
 */
export interface ResourceSite {
  readonly file: string;
  readonly row: number;
  readonly type?: string;
  readonly id?: string;
}

/** A problem without its site. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: FhirProblemReason;
}

/** Accumulates a `FhirIngestReport` while the adapter reads resources. */
export class FhirIngestReportBuilder {
  private rowsAccepted = 0;
  private rowsRejected = 0;
  private duplicates = 0;
  private ignoredObservations = 0;
  private readonly problems: FhirProblem[] = [];
  private readonly problemCounts: Record<string, number> = {};
  private readonly ignoredResources: Record<string, number> = {};
  private readonly filesRead: string[] = [];
  private readonly filesIgnored: string[] = [];

  constructor(private readonly file: string) {}

  /** Counts a resource that went into the cohort. */
  accept(): void {
    this.rowsAccepted += 1;
  }

  /** Counts a rejected resource with its problems (at least one). */
  reject(site: ResourceSite, problems: readonly FieldProblem[]): void {
    this.rowsRejected += 1;
    for (const { field, reason } of problems) {
      if (reason === 'DUPLICATE') this.duplicates += 1;
      this.problemCounts[reason] = (this.problemCounts[reason] ?? 0) + 1;
      if (this.problems.length >= MAX_REPORTED_PROBLEMS) continue;
      const { file, row, type, id } = site;
      const resource = type === undefined || id === undefined ? {} : { resource: `${type}/${id}` };
      this.problems.push({ file, row, ...resource, field, reason });
    }
  }

  /** Counts a resource of a type the adapter does not read. */
  ignoreResource(resourceType: string): void {
    this.ignoredResources[resourceType] = (this.ignoredResources[resourceType] ?? 0) + 1;
  }

  /** Counts an Observation that is not a growth measurement. */
  ignoreObservation(): void {
    this.ignoredObservations += 1;
  }

  /** Records a file as read (`true`) or skipped. */
  noteFile(name: string, read: boolean): void {
    (read ? this.filesRead : this.filesIgnored).push(name);
  }

  /** The report so far, frozen. */
  build(): FhirIngestReport {
    return Object.freeze({
      file: this.file,
      rowsRead: this.rowsAccepted + this.rowsRejected,
      rowsAccepted: this.rowsAccepted,
      rowsRejected: this.rowsRejected,
      problems: Object.freeze([...this.problems]),
      problemCounts: Object.freeze({ ...this.problemCounts }),
      duplicates: this.duplicates,
      ignoredResources: Object.freeze({ ...this.ignoredResources }),
      ignoredObservations: this.ignoredObservations,
      filesRead: Object.freeze([...this.filesRead]),
      filesIgnored: Object.freeze([...this.filesIgnored]),
    });
  }
}
