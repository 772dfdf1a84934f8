/**
 * The report of an OMOP import. It has the shape of `IngestReport` (same
 * counts, same problems: row, field, reason, never a value) with what two
 * input files add: each problem names its file, and the counts are also
 * given per file. It needs three reasons the shared list lacks (below).
 * Measurement rows of other concepts (labs, percentiles, …) are counted as
 * ignored: they are not errors, but nothing read goes uncounted.
 */
import type { IngestReport, Problem, ProblemReason } from '../ingest-report.js';
import { MAX_REPORTED_PROBLEMS } from '../ingest-report.js';

/**
 * Why a row was rejected: the shared codes, plus `DUPLICATE` (the same
 * person, day, kind and value again: counted once), `UNKNOWN_PERSON` (a
 * measurement's `person_id` is not in PERSON) and `PERSON_REJECTED` (its
 * PERSON row was rejected, so it has no sex or exact birth date).
 */
export type OmopProblemReason = ProblemReason | 'DUPLICATE' | 'UNKNOWN_PERSON' | 'PERSON_REJECTED';

/** A problem in one column of a row. */
export interface OmopFieldProblem {
  readonly field: string;
  readonly reason: OmopProblemReason;
}

/** One reason a row was rejected, with the file it is in. Holds no data values. */
export interface OmopProblem extends Omit<Problem, 'reason'> {
  /** The file's base name as found (e.g. `MEASUREMENT.csv`). */
  readonly file: string;
  readonly reason: OmopProblemReason;
}

/** Row counts of one file. `rowsAccepted + rowsRejected === rowsRead`. */
export interface OmopFileCounts {
  readonly file: string;
  /** Data rows read, not counting ignored ones (blank lines and the header are not rows). */
  readonly rowsRead: number;
  readonly rowsAccepted: number;
  readonly rowsRejected: number;
  /** Rows of concepts that are not growth measurements (always 0 for PERSON). */
  readonly rowsIgnored: number;
}

/**
 * Outcome of one OMOP import; totals are over both files. A PERSON row is
 * accepted when it is valid, a MEASUREMENT row when it went into the cohort.
 */
export interface OmopIngestReport extends Omit<IngestReport, 'problems'> {
  /** Folder base name. */
  readonly file: string;
  /** PERSON counts, then MEASUREMENT counts. */
  readonly files: readonly [OmopFileCounts, OmopFileCounts];
  /** Measurement rows of other concepts, counted in no other total. */
  readonly rowsIgnored: number;
  /** Rejected rows (of either file) that repeat one already read: `problemCounts.DUPLICATE`. */
  readonly duplicates: number;
  /** The first `MAX_REPORTED_PROBLEMS` problems of each file, PERSON first, in file order. */
  readonly problems: readonly OmopProblem[];
}

/** Accumulates the counts and problems of one file. */
export class OmopFileReportBuilder {
  private rowsAccepted = 0;
  private rowsRejected = 0;
  private rowsIgnored = 0;
  private readonly problems: OmopProblem[] = [];
  private readonly problemCounts = new Map<OmopProblemReason, number>();

  constructor(readonly file: string) {}

  /** Counts a row that was used. */
  accept(): void {
    this.rowsAccepted += 1;
  }

  /** Counts a row of a concept the cohort does not hold. */
  ignore(): void {
    this.rowsIgnored += 1;
  }

  /** Counts a rejected row with its problems (at least one). */
  reject(row: number, problems: readonly OmopFieldProblem[]): void {
    this.rowsRejected += 1;
    for (const { field, reason } of problems) {
      this.problemCounts.set(reason, (this.problemCounts.get(reason) ?? 0) + 1);
      if (this.problems.length < MAX_REPORTED_PROBLEMS) {
        this.problems.push({ file: this.file, row, field, reason });
      }
    }
  }

  /** This file's counts. */
  counts(): OmopFileCounts {
    const { file, rowsAccepted, rowsRejected, rowsIgnored } = this;
    return { file, rowsRead: rowsAccepted + rowsRejected, rowsAccepted, rowsRejected, rowsIgnored };
  }

  /** This file's listed problems and counts by reason. */
  listed(): { problems: readonly OmopProblem[]; counts: ReadonlyMap<OmopProblemReason, number> } {
    return { problems: this.problems, counts: this.problemCounts };
  }
}

/** The frozen report of a whole import from its two files' builders. */
export function buildOmopReport(
  folder: string,
  person: OmopFileReportBuilder,
  measurement: OmopFileReportBuilder,
): OmopIngestReport {
  const files = [person.counts(), measurement.counts()] as const;
  const problemCounts: Record<string, number> = {};
  for (const builder of [person, measurement]) {
    for (const [reason, count] of builder.listed().counts) {
      problemCounts[reason] = (problemCounts[reason] ?? 0) + count;
    }
  }
  return Object.freeze({
    file: folder,
    rowsRead: files[0].rowsRead + files[1].rowsRead,
    rowsAccepted: files[0].rowsAccepted + files[1].rowsAccepted,
    rowsRejected: files[0].rowsRejected + files[1].rowsRejected,
    rowsIgnored: files[0].rowsIgnored + files[1].rowsIgnored,
    duplicates: problemCounts.DUPLICATE ?? 0,
    files: Object.freeze(files.map((counts) => Object.freeze(counts))) as OmopIngestReport['files'],
    problems: Object.freeze([...person.listed().problems, ...measurement.listed().problems]),
    problemCounts: Object.freeze(problemCounts),
  });
}
