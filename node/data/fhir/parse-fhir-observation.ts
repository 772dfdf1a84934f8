/**
 * A FHIR Observation → a growth value in cohort units, "not a growth
 * observation" (ignored, like labs or percentiles), or the reasons it cannot
 * be used. Runs once per NDJSON line, so it reads only the elements it needs
 * and allocates only for rejections.
 */
import {
  BODY_POSITION_EXTENSION,
  BODY_POSITIONS,
  GROWTH_LOINC,
  LOINC_SYSTEM,
  NOT_MEASURED_METHODS,
  Position,
  Quantity,
  SNOMED_SYSTEM,
} from './fhir-codes.js';
import type { GrowthCode } from './fhir-codes.js';
import type { FieldProblem } from './fhir-ingest-report.js';
import { toCohortUnit } from './fhir-units.js';
import { asArray, asString, findCode, isJsonObject } from './json-object.js';
import type { JsonObject } from './json-object.js';
import { PARTIAL, parseFhirDay } from './parse-fhir-day.js';

/** A usable growth observation, not yet tied to a child. */
export interface GrowthObservation {
  /** `subject.reference` as written (`Patient/id`, `urn:uuid:…`, absolute URL). */
  readonly subject: string;
  /**
   * Day of the measurement since 1970-01-01; for gestational age, which needs
   * no date, NaN when it has none (a date only serves to recognise a
   * pregnancy record of an adult).
   */
  readonly day: number;
  readonly quantity: Quantity;
  /** From the code or the body-position extension; `unknown` leaves it to age. */
  readonly position: Position;
  /** In cohort units: kg, cm, kg/m², or days for gestational age. */
  readonly value: number;
  readonly estimated: boolean;
}

/** Outcome of reading one Observation. */
export type FhirObservationResult =
  | { readonly type: 'ignored' }
  | { readonly type: 'growth'; readonly observation: GrowthObservation }
  | { readonly type: 'rejected'; readonly problems: readonly FieldProblem[] };

const IGNORED: FhirObservationResult = Object.freeze({ type: 'ignored' });
const USABLE_STATUS = new Set(['final', 'amended', 'corrected']);
const AMBIGUOUS_CODE = reject('code', 'UNKNOWN_KIND');
const ENTERED_IN_ERROR = reject('status', 'ENTERED_IN_ERROR');
const NOT_FINAL = reject('status', 'NOT_FINAL');
const VALUE_ABSENT = reject('dataAbsentReason', 'VALUE_ABSENT');
const NO_VALUE = reject('valueQuantity', 'MISSING_VALUE');

/** Reads an Observation; see `FhirObservationResult`. */
export function parseFhirObservation(resource: JsonObject): FhirObservationResult {
  const code = growthCode(resource.code);
  if (code === undefined) return IGNORED;
  if (code === 'ambiguous') return AMBIGUOUS_CODE;
  if (!USABLE_STATUS.has(resource.status as string)) {
    return resource.status === 'entered-in-error' ? ENTERED_IN_ERROR : NOT_FINAL;
  }
  const quantity = resource.valueQuantity;
  if (!isJsonObject(quantity)) {
    return resource.dataAbsentReason === undefined ? NO_VALUE : VALUE_ABSENT;
  }
  const problems: FieldProblem[] = [];
  const value = readValue(code, quantity, problems);
  const subject = readSubject(resource.subject, problems);
  const day =
    code.quantity === Quantity.gestation ? gestationDay(resource) : readDay(resource, problems);
  if (problems.length > 0) return { type: 'rejected', problems };
  const observation: GrowthObservation = {
    subject: subject ?? '',
    day,
    quantity: code.quantity,
    position: code.position === Position.unknown ? bodyPosition(resource) : code.position,
    value,
    estimated: code.estimated || findCode(resource.method, SNOMED_SYSTEM, isNotMeasured) === true,
  };
  return { type: 'growth', observation };
}

/**
 * The growth meaning of `code.coding`: several growth codings are merged
 * (stated + measured = stated; a position code wins), codings of different
 * quantities make the observation ambiguous.
 */
function growthCode(concept: unknown): GrowthCode | 'ambiguous' | undefined {
  if (!isJsonObject(concept)) return undefined;
  let found: GrowthCode | undefined;
  for (const coding of asArray(concept.coding)) {
    if (!isJsonObject(coding) || coding.system !== LOINC_SYSTEM) continue;
    const code = GROWTH_LOINC.get(coding.code as string);
    if (code === undefined) continue;
    if (found === undefined) found = code;
    else if (found.quantity !== code.quantity) return 'ambiguous';
    else found = merge(found, code);
  }
  return found;
}

function merge(a: GrowthCode, b: GrowthCode): GrowthCode {
  if (a.estimated === b.estimated && a.position === b.position) return a;
  return {
    quantity: a.quantity,
    estimated: a.estimated || b.estimated,
    position: a.position === Position.unknown ? b.position : a.position,
  };
}

function readValue(code: GrowthCode, quantity: JsonObject, problems: FieldProblem[]): number {
  const { value } = quantity;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    problems.push({ field: 'valueQuantity.value', reason: 'BAD_NUMBER' });
    return Number.NaN;
  }
  // "<2.5 kg" is a bound, not a measurement.
  if (quantity.comparator !== undefined) {
    problems.push({ field: 'valueQuantity.comparator', reason: 'BAD_NUMBER' });
  }
  const converted = toCohortUnit(code.quantity, value, quantity.code, quantity.unit);
  if (typeof converted === 'number') return converted;
  problems.push(converted);
  return Number.NaN;
}

function readSubject(subject: unknown, problems: FieldProblem[]): string | undefined {
  const reference = isJsonObject(subject) ? asString(subject.reference) : undefined;
  if (reference === undefined) problems.push({ field: 'subject', reason: 'MISSING_VALUE' });
  return reference;
}

/** `effectiveDateTime`, else `effectivePeriod.start`, else `effectiveInstant`. */
function readDay(resource: JsonObject, problems: FieldProblem[]): number {
  let field = 'effectiveDateTime';
  let text = resource.effectiveDateTime;
  if (text === undefined && isJsonObject(resource.effectivePeriod)) {
    field = 'effectivePeriod.start';
    text = resource.effectivePeriod.start;
  }
  if (text === undefined && resource.effectiveInstant !== undefined) {
    field = 'effectiveInstant';
    text = resource.effectiveInstant;
  }
  if (text === undefined) {
    problems.push({ field: 'effective[x]', reason: 'MISSING_VALUE' });
    return Number.NaN;
  }
  const day = parseFhirDay(text);
  if (typeof day === 'number') return day;
  problems.push({ field, reason: day === PARTIAL ? 'PARTIAL_DATE' : 'BAD_DATE' });
  return Number.NaN;
}

/** A gestational age's date when it has a usable one, else NaN: it is never required. */
function gestationDay(resource: JsonObject): number {
  const ignored: FieldProblem[] = [];
  return readDay(resource, ignored);
}

function bodyPosition(resource: JsonObject): Position {
  for (const extension of asArray(resource.extension)) {
    if (!isJsonObject(extension) || extension.url !== BODY_POSITION_EXTENSION) continue;
    return (
      findCode(extension.valueCodeableConcept, SNOMED_SYSTEM, (code) => BODY_POSITIONS.get(code)) ??
      Position.unknown
    );
  }
  return Position.unknown;
}

function isNotMeasured(code: string): true | undefined {
  return NOT_MEASURED_METHODS.has(code) ? true : undefined;
}

function reject(field: string, reason: FieldProblem['reason']): FhirObservationResult {
  return Object.freeze({ type: 'rejected', problems: Object.freeze([{ field, reason }]) });
}
