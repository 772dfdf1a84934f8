/**
 * The FHIR R4 cohort adapter: a bulk-export folder (NDJSON, with or without
 * its manifest), a folder of Bundles, or one Bundle file → the columnar
 * `Cohort`, with a report of every resource that was not used and why. Bad
 * resources are reported, never silently dropped, and never stop the import;
 * only a missing path, an unusable manifest or a failing disk do. See
 * README.md beside this file for the codes, units and rules.
 */
import path from 'node:path';
import type { Cohort } from '../../../benchmark/cohort.js';
import { CentileError } from '../../../benchmark/errors.js';
import { FhirCohortAssembler } from './fhir-cohort-assembler.js';
import { FhirIngestReportBuilder } from './fhir-ingest-report.js';
import type { FhirIngestReport } from './fhir-ingest-report.js';
import { findFhirFiles } from './find-fhir-files.js';
import type { FhirFilePlan } from './find-fhir-files.js';
import { readBundleFile } from './read-bundle-file.js';
import type { NdjsonParseOptions } from './ndjson-parser.js';
import { NdjsonReader } from './ndjson-reader.js';

/** A cohort and the report of how it was read. */
export interface FhirCohortResult {
  readonly cohort: Cohort;
  readonly report: FhirIngestReport;
}

/** How the reader uses threads; the defaults suit a node. */
export type FhirReadOptions = NdjsonParseOptions;

/**
 * Reads a FHIR export at `inputPath` (folder or file) into a cohort. NDJSON
 * is parsed on worker threads when the export is large (see `NdjsonParser`).
 * @throws CentileError `DATA_NOT_FOUND` (missing or unreadable path),
 *   `FHIR_NO_FILES` (a folder without `.ndjson` or `.json` files),
 *   `FHIR_MANIFEST_INVALID` (a manifest without a usable `output` list, or
 *   two manifests), `DATA_READ_FAILED` (an I/O error part-way through).
 */
export async function readFhirCohort(
  inputPath: string,
  options: FhirReadOptions = {},
): Promise<FhirCohortResult> {
  const plan = await findFhirFiles(inputPath).catch((cause: unknown) => {
    if (cause instanceof CentileError) throw cause;
    throw new CentileError('not-found', 'DATA_NOT_FOUND', 'FHIR data not found or unreadable', {
      cause,
    });
  });
  try {
    return await readPlan(plan, path.basename(inputPath), options);
  } catch (error) {
    if (error instanceof CentileError) throw error;
    throw new CentileError('unavailable', 'DATA_READ_FAILED', 'reading the FHIR data failed', {
      cause: error,
    });
  }
}

async function readPlan(
  plan: FhirFilePlan,
  name: string,
  options: FhirReadOptions,
): Promise<FhirCohortResult> {
  const report = new FhirIngestReportBuilder(name);
  const assembler = new FhirCohortAssembler(report);
  if (plan.manifest !== undefined) report.noteFile(plan.manifest, true);
  for (const missing of plan.missing) {
    report.reject({ file: missing, row: 0 }, [{ field: '*', reason: 'FILE_MISSING' }]);
  }
  const ndjsonPaths = plan.read.filter((file) => file.format === 'ndjson').map((f) => f.path);
  const ndjson = await NdjsonReader.open(ndjsonPaths, options);
  try {
    for (const file of plan.read) {
      report.noteFile(file.name, true);
      if (file.format === 'ndjson') await ndjson.readFile(file.path, file.name, assembler, report);
      else await readBundleFile(file.path, file.name, assembler, report);
    }
  } finally {
    await ndjson.close();
  }
  for (const ignored of plan.ignored) report.noteFile(ignored, false);
  const cohort = assembler.finish();
  return { cohort, report: report.build() };
}
