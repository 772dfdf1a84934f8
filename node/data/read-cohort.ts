import type { Cohort } from '../../benchmark/cohort.js';
import { CentileError } from '../../benchmark/errors.js';
import { readFhirCohort } from './fhir/read-fhir-cohort.js';
import type { IngestReport } from './ingest-report.js';
import { readOmopCohort } from './omop/read-omop-cohort.js';
import { readCsvCohort } from './read-csv-cohort.js';

/** The export formats a node reads. */
export const DATA_FORMATS = ['csv', 'fhir', 'omop'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

/** True when `value` names a supported format. */
export function isDataFormat(value: unknown): value is DataFormat {
  return DATA_FORMATS.includes(value as DataFormat);
}

/**
 * Reads an export in any supported format into the canonical cohort, with a
 * report of every rejected record: long CSV (a file), FHIR R4 (an NDJSON
 * bulk-export folder or Bundle files), OMOP CDM v5.4 (a folder with PERSON
 * and MEASUREMENT).
 */
export function readCohort(
  format: DataFormat,
  path: string,
): Promise<{ cohort: Cohort; report: IngestReport }> {
  switch (format) {
    case 'csv':
      return readCsvCohort(path);
    case 'fhir':
      return readFhirCohort(path);
    case 'omop':
      return readOmopCohort(path);
    default:
      throw new CentileError('invalid-input', 'FORMAT_UNKNOWN', 'format must be csv, fhir or omop');
  }
}
