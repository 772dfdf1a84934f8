/**
 * The OMOP CDM v5.4 cohort adapter: reads an export folder's PERSON and
 * MEASUREMENT tables (see README.md) into the columnar `Cohort`. PERSON is
 * read first into a map (one entry per person); MEASUREMENT is streamed line
 * by line, as it holds every lab value of the site. Bad rows are rejected
 * with a reason in the report, never silently dropped, and never crash the
 * import.
 */
import path from 'node:path';
import { CohortBuilder } from '../../../benchmark/cohort-builder.js';
import type { Cohort } from '../../../benchmark/cohort.js';
import { WHOLE_ROW } from '../ingest-report.js';
import { findOmopTables } from './find-omop-tables.js';
import { MeasurementKeySet } from '../../../benchmark/measurement-key-set.js';
import { OmopGestations } from './omop-gestations.js';
import { OmopFileReportBuilder, buildOmopReport } from './omop-ingest-report.js';
import type { OmopIngestReport } from './omop-ingest-report.js';
import { MEASUREMENT_TABLE, parseMeasurementRow } from './parse-measurement-row.js';
import type { OmopMeasurement } from './parse-measurement-row.js';
import { PERSON_TABLE, parsePersonRow } from './parse-person-row.js';
import type { OmopPerson, PersonRowResult } from './parse-person-row.js';
import { readOmopTable } from './read-omop-table.js';

/** A cohort and the report of how it was read. */
export interface OmopCohortResult {
  readonly cohort: Cohort;
  readonly report: OmopIngestReport;
}

/** Each `person_id` read: its valid person, or `rejected` when its PERSON row was. */
type PersonIndex = Map<string, OmopPerson | 'rejected'>;

/**
 * Reads the OMOP export in `folder` into a cohort. A person becomes a child
 * of the cohort with its first accepted growth measurement, so persons
 * without any (most adults of a general export) are not in it. A child's
 * gestational age comes from a gestational-age MEASUREMENT row.
 * @throws CentileError `DATA_NOT_FOUND` (the folder or a table is missing or
 *   unreadable), `OMOP_TABLE_MISSING`, `OMOP_TABLE_AMBIGUOUS`,
 *   `CSV_HEADER_INVALID` (no header, or required columns missing),
 *   `DATA_READ_FAILED` (an I/O error part-way through).
 */
export async function readOmopCohort(folder: string): Promise<OmopCohortResult> {
  const tables = await findOmopTables(folder);
  const personReport = new OmopFileReportBuilder(tables.person.name);
  const persons = await readPersons(tables.person.path, personReport);
  const measurementReport = new OmopFileReportBuilder(tables.measurement.name);
  const cohort = await readMeasurements(tables.measurement.path, persons, measurementReport);
  const name = path.basename(path.resolve(folder));
  return { cohort, report: buildOmopReport(name, personReport, measurementReport) };
}

async function readPersons(filePath: string, report: OmopFileReportBuilder): Promise<PersonIndex> {
  const persons: PersonIndex = new Map();
  await readOmopTable(filePath, PERSON_TABLE, (row, line) => {
    if (!line.ok) return report.reject(row, [line.problem]);
    const id = line.read('person_id');
    const parsed = parsePersonRow(line.read);
    const known = persons.get(id);
    if (known !== undefined) return rejectRepeat(row, known, parsed, report);
    if (!parsed.ok) {
      if (id !== '') persons.set(id, 'rejected');
      return report.reject(row, parsed.problems);
    }
    persons.set(id, parsed.person);
    report.accept();
  });
  return persons;
}

/**
 * A `person_id` seen before: its first row defines the person (as in the
 * long CSV format). A repeat of the same person is a duplicate; a different
 * sex or birth date is a conflict, since ages would silently mix two people.
 */
function rejectRepeat(
  row: number,
  known: OmopPerson | 'rejected',
  parsed: PersonRowResult,
  report: OmopFileReportBuilder,
): void {
  if (!parsed.ok) return report.reject(row, parsed.problems);
  const same =
    known !== 'rejected' &&
    known.sex === parsed.person.sex &&
    known.birthDay === parsed.person.birthDay;
  report.reject(row, [{ field: 'person_id', reason: same ? 'DUPLICATE' : 'CONFLICTING_CHILD' }]);
}

async function readMeasurements(
  filePath: string,
  persons: PersonIndex,
  report: OmopFileReportBuilder,
): Promise<Cohort> {
  const builder = new CohortBuilder();
  const keys = new MeasurementKeySet();
  const gestations = new OmopGestations();
  const lookup = (id: string): OmopPerson | 'rejected' | undefined => persons.get(id);
  await readOmopTable(filePath, MEASUREMENT_TABLE, (row, line) => {
    if (!line.ok) return report.reject(row, [line.problem]);
    const parsed = parseMeasurementRow(line.read, lookup);
    switch (parsed.status) {
      case 'ignored':
        return report.ignore();
      case 'rejected':
        return report.reject(row, parsed.problems);
      case 'gestation': {
        // Counted as accepted or ignored in `joinTo`, once it is known whether the person is a child.
        const { person, days } = parsed.gestation;
        const problems = gestations.add(person.id, days);
        if (problems !== undefined) report.reject(row, problems);
        return;
      }
      case 'ok':
        if (addMeasurement(parsed.measurement, builder, keys)) return report.accept();
        return report.reject(row, [{ field: WHOLE_ROW, reason: 'DUPLICATE' }]);
    }
  });
  return gestations.joinTo(builder.build(), report);
}

/** Adds a measurement (and its child, the first time); false when it is a duplicate. */
function addMeasurement(
  measurement: OmopMeasurement,
  builder: CohortBuilder,
  keys: MeasurementKeySet,
): boolean {
  const { person, ageDays, kind, value, estimated } = measurement;
  const childIndex =
    builder.childIndex(person.id) ??
    builder.addChild({ id: person.id, sex: person.sex, birthDay: person.birthDay });
  if (!keys.add(childIndex, ageDays, kind, value)) return false;
  builder.addMeasurement({ childIndex, ageDays, kind, value, estimated });
  return true;
}
