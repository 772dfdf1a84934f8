/**
 * What one parsed resource says, before it is tied to the cohort: the part
 * of reading that needs no state, so it can run on any thread. NDJSON lines
 * are read this way in worker threads and the readings sent to the
 * assembler; Bundle entries take the same path in-process.
 */
import { asString, isJsonObject } from './json-object.js';
import { parseFhirObservation } from './parse-fhir-observation.js';
import type { FhirObservationResult } from './parse-fhir-observation.js';
import { parseFhirPatient } from './parse-fhir-patient.js';
import type { FhirPatientResult } from './parse-fhir-patient.js';

/** One resource, read; plain data, so it can cross to another thread. */
export type FhirResourceReading =
  /** Not a resource: not a JSON object, or no `resourceType`. */
  | { readonly kind: 'malformed' }
  /** A resource type the cohort does not use (Encounter, Condition, …). */
  | { readonly kind: 'ignored'; readonly type: string }
  | { readonly kind: 'patient'; readonly id?: string; readonly result: FhirPatientResult }
  | { readonly kind: 'observation'; readonly id?: string; readonly result: FhirObservationResult };

const MALFORMED: FhirResourceReading = Object.freeze({ kind: 'malformed' });

/**
 * Reads `resource` (parsed JSON). `fullUrl` is the Bundle entry's, which
 * names a Patient that has no `id`.
 */
export function readFhirResource(resource: unknown, fullUrl?: string): FhirResourceReading {
  if (!isJsonObject(resource)) return MALFORMED;
  const type = asString(resource.resourceType);
  if (type === undefined) return MALFORMED;
  const id = asString(resource.id);
  const named = id === undefined ? {} : { id };
  if (type === 'Patient') {
    return { kind: 'patient', ...named, result: parseFhirPatient(resource, fullUrl) };
  }
  if (type === 'Observation') {
    return { kind: 'observation', ...named, result: parseFhirObservation(resource) };
  }
  return { kind: 'ignored', type };
}
