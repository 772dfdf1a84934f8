/**
 * Reads one JSON file: a Bundle (transaction, collection, searchset, …) or
 * a single resource. Bundles are parsed whole, which is why their size is
 * capped. A Bundle's Patients are read before its other entries, so that
 * observations referring to them by `urn:uuid:` `fullUrl` find them.
 */
import { readFile, stat } from 'node:fs/promises';
import type { FhirCohortAssembler } from './fhir-cohort-assembler.js';
import type { FhirIngestReportBuilder } from './fhir-ingest-report.js';
import { asArray, asString, isJsonObject } from './json-object.js';

/** Largest JSON file read (V8 strings stop at about 512 MiB, and this file is held whole). */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;

/** Reads `filePath` (shown as `name`); I/O errors propagate. */
export async function readBundleFile(
  filePath: string,
  name: string,
  assembler: FhirCohortAssembler,
  report: FhirIngestReportBuilder,
): Promise<void> {
  if ((await stat(filePath)).size > MAX_BUNDLE_BYTES) {
    report.reject({ file: name, row: 0 }, [{ field: '*', reason: 'FILE_TOO_LARGE' }]);
    return;
  }
  const parsed = parseJson(await readFile(filePath, 'utf8'));
  if (!isJsonObject(parsed) || parsed.resourceType !== 'Bundle') {
    // A lone resource is read as row 1; anything else is rejected as a malformed file.
    if (isJsonObject(parsed) && parsed.resourceType !== undefined)
      assembler.addResource(parsed, name, 1);
    else report.reject({ file: name, row: 0 }, [{ field: '*', reason: 'MALFORMED_ROW' }]);
    return;
  }
  const entries = asArray(parsed.entry);
  for (const patients of [true, false]) {
    entries.forEach((entry, index) => {
      const resource = isJsonObject(entry) ? entry.resource : undefined;
      if (resource === undefined) return; // e.g. a DELETE request: no data
      if (isPatient(resource) !== patients) return;
      const fullUrl = isJsonObject(entry) ? asString(entry.fullUrl) : undefined;
      assembler.addResource(resource, name, index + 1, fullUrl);
    });
  }
}

function isPatient(resource: unknown): boolean {
  return isJsonObject(resource) && resource.resourceType === 'Patient';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch {
    return undefined;
  }
}
