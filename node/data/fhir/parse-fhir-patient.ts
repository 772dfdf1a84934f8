/**
 * A FHIR Patient → the child the cohort needs: id, sex at birth and exact
 * birth date, or every reason it cannot be used. Growth references are by
 * sex at birth, so US Core's birth sex wins over the administrative
 * `gender`; a child without a usable sex or an exact birth date is rejected,
 * since every z-score would depend on a guess.
 */
import type { Sex } from '../../../benchmark/cohort.js';
import { US_CORE_BIRTH_SEX } from './fhir-codes.js';
import type { FieldProblem } from './fhir-ingest-report.js';
import { asArray, asString, isJsonObject } from './json-object.js';
import type { JsonObject } from './json-object.js';
import { PARTIAL, parseFhirDay } from './parse-fhir-day.js';

/** A usable child. */
export interface FhirPatient {
  /** `Patient.id`, or the entry's `fullUrl` for a Bundle entry without one. */
  readonly id: string;
  readonly sex: Sex;
  /** Days since 1970-01-01. */
  readonly birthDay: number;
}

/** Outcome of reading one Patient. */
export type FhirPatientResult =
  | { readonly ok: true; readonly patient: FhirPatient }
  | { readonly ok: false; readonly problems: FieldProblem[] };

const BIRTH_SEX: Readonly<Record<string, Sex>> = { M: 1, F: 2 };
const GENDER: Readonly<Record<string, Sex>> = { male: 1, female: 2 };

/**
 * Reads a Patient resource. `fullUrl` (Bundles only) stands in for a missing
 * `id`, so transaction entries that rely on `urn:uuid:` still name the child.
 */
export function parseFhirPatient(resource: JsonObject, fullUrl?: string): FhirPatientResult {
  const problems: FieldProblem[] = [];
  const id = asString(resource.id) ?? fullUrl;
  if (id === undefined) problems.push({ field: 'id', reason: 'MISSING_VALUE' });
  const sex = readSex(resource, problems);
  const birthDay = readBirthDay(resource.birthDate, problems);
  if (id === undefined || sex === undefined || birthDay === undefined)
    return { ok: false, problems };
  return { ok: true, patient: { id, sex, birthDay } };
}

/** Birth sex M/F, else gender male/female (US Core `UNK` says nothing, so gender may still decide). */
function readSex(resource: JsonObject, problems: FieldProblem[]): Sex | undefined {
  const birthSex = birthSexCode(resource.extension);
  const sex = pick(BIRTH_SEX, birthSex) ?? pick(GENDER, resource.gender);
  if (sex !== undefined) return sex;
  const given = birthSex !== undefined || resource.gender !== undefined;
  problems.push({ field: 'gender', reason: given ? 'BAD_SEX' : 'MISSING_VALUE' });
  return undefined;
}

function birthSexCode(extensions: unknown): unknown {
  for (const extension of asArray(extensions)) {
    if (isJsonObject(extension) && extension.url === US_CORE_BIRTH_SEX) return extension.valueCode;
  }
  return undefined;
}

function pick(table: Readonly<Record<string, Sex>>, key: unknown): Sex | undefined {
  return typeof key === 'string' && Object.hasOwn(table, key) ? table[key] : undefined;
}

function readBirthDay(value: unknown, problems: FieldProblem[]): number | undefined {
  if (value === undefined) {
    problems.push({ field: 'birthDate', reason: 'MISSING_VALUE' });
    return undefined;
  }
  const day = parseFhirDay(value);
  if (typeof day === 'number') return day;
  problems.push({ field: 'birthDate', reason: day === PARTIAL ? 'PARTIAL_DATE' : 'BAD_DATE' });
  return undefined;
}
