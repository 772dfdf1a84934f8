import type { Sex } from '../cohort.js';
import { MeasurementKind } from '../cohort.js';
import { CentileError } from '../errors.js';
import type { SimUnitCode } from './sim-units.js';
import { recordedGestationWeeks, recordedValue } from './recorded-units.js';
import { UCUM } from './to-fhir-quantity.js';
import { isoDate } from './to-long-csv.js';

/** A LOINC code with its display name. */
export interface LoincCode {
  readonly code: string;
  readonly display: string;
}

/** LOINC of each `MeasurementKind` (DESIGN §5); a length is 8306-3, never 8302-2 + bodyPosition. */
export const FHIR_LOINC: Record<MeasurementKind, LoincCode> = [
  { code: '29463-7', display: 'Body weight' },
  { code: '8306-3', display: 'Body height --lying' },
  { code: '8302-2', display: 'Body height' },
  { code: '9843-4', display: 'Head Occipital-frontal circumference' },
  { code: '39156-5', display: 'Body mass index (BMI) [Ratio]' },
];

/** An estimated weight (the only estimated kind Sim records) has its own LOINC. */
export const FHIR_LOINC_ESTIMATED_WEIGHT: LoincCode = {
  code: '8335-2',
  display: 'Body weight Measured --estimated',
};

/** Standing height, coded explicitly where the age alone would suggest a recumbent length. */
export const FHIR_LOINC_STANDING_HEIGHT: LoincCode = {
  code: '8308-9',
  display: 'Body height --standing',
};

/** Gestational age at birth: a property of the child, written once per child who has one. */
export const FHIR_LOINC_GESTATIONAL_AGE: LoincCode = {
  code: '18185-9',
  display: 'Gestational age',
};

/** Readers take an uncoded stature under this age (days) as recumbent length. */
const RECUMBENT_AGE_DAYS = 731;

/**
 * The LOINC code a measurement is written with: estimated weights and standing
 * heights of children under two get their specific codes, so a reader that
 * decides position by age still reads them back exactly.
 */
export function loincFor(kind: MeasurementKind, estimated: boolean, ageDays: number): LoincCode {
  if (estimated && kind === MeasurementKind.weight) return FHIR_LOINC_ESTIMATED_WEIGHT;
  if (kind === MeasurementKind.height && ageDays < RECUMBENT_AGE_DAYS)
    return FHIR_LOINC_STANDING_HEIGHT;
  return FHIR_LOINC[kind];
}

/** The US Core extension that carries sex assigned at birth. */
export const US_CORE_BIRTH_SEX = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex';

const LOINC_SYSTEM = 'http://loinc.org';
const UCUM_SYSTEM = 'http://unitsofmeasure.org';
const DATA_ABSENT_SYSTEM = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
const VITAL_SIGNS = [
  {
    coding: [
      {
        system: 'http://terminology.hl7.org/CodeSystem/observation-category',
        code: 'vital-signs',
        display: 'Vital Signs',
      },
    ],
  },
];
/** FHIR R4 `id` datatype. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** One measurement to write as an Observation. */
export interface FhirObservationInput {
  readonly id: string;
  readonly patientId: string;
  readonly kind: MeasurementKind;
  /** Days since 1970-01-01 (UTC). */
  readonly day: number;
  /** In SI units (see `SI_UNIT`); NaN is written as a value-less observation. */
  readonly valueSi: number;
  readonly unit: SimUnitCode;
  readonly estimated: boolean;
  /** Age at the measurement in days (chooses the standing-height code under two). */
  readonly ageDays: number;
}

/**
 * A Patient resource as one NDJSON line: US Core birth sex and `gender`
 * (both, as US Core exports carry them), and the birth date. The child id is
 * the resource id, so references stay readable and round trips keep ids.
 */
export function fhirPatientLine(id: string, sex: Sex, birthDay: number): string {
  return `${JSON.stringify({
    resourceType: 'Patient',
    id: assertFhirId(id),
    extension: [{ url: US_CORE_BIRTH_SEX, valueCode: sex === 1 ? 'M' : 'F' }],
    gender: sex === 1 ? 'male' : 'female',
    birthDate: isoDate(birthDay),
  })}\n`;
}

/**
 * A final vital-signs Observation as one NDJSON line, its value in the
 * recorded UCUM unit. A missing value becomes `dataAbsentReason`, as FHIR
 * requires, so readers report it rather than see a silent gap.
 */
export function fhirObservationLine(input: FhirObservationInput): string {
  const loinc = loincFor(input.kind, input.estimated, input.ageDays);
  const value = recordedValue(input.valueSi, input.unit);
  const ucum = UCUM[input.unit];
  return `${JSON.stringify({
    resourceType: 'Observation',
    id: assertFhirId(input.id),
    status: 'final',
    category: VITAL_SIGNS,
    code: { coding: [{ system: LOINC_SYSTEM, ...loinc }], text: loinc.display },
    subject: { reference: `Patient/${input.patientId}` },
    effectiveDateTime: isoDate(input.day),
    ...(Number.isNaN(value)
      ? { dataAbsentReason: { coding: [{ system: DATA_ABSENT_SYSTEM, code: 'unknown' }] } }
      : { valueQuantity: { value, unit: ucum.unit, system: UCUM_SYSTEM, code: ucum.code } }),
  })}\n`;
}

/**
 * A final Observation of the child's gestational age at birth as one NDJSON
 * line: LOINC 18185-9 in UCUM weeks (`wk`) rounded as the long CSV writes
 * it, dated the birth day. It has no category: it is not a vital sign, and
 * readers key on the code.
 */
export function fhirGestationLine(
  id: string,
  patientId: string,
  birthDay: number,
  gestationDays: number,
): string {
  const loinc = FHIR_LOINC_GESTATIONAL_AGE;
  return `${JSON.stringify({
    resourceType: 'Observation',
    id: assertFhirId(id),
    status: 'final',
    code: { coding: [{ system: LOINC_SYSTEM, ...loinc }], text: loinc.display },
    subject: { reference: `Patient/${patientId}` },
    effectiveDateTime: isoDate(birthDay),
    valueQuantity: {
      value: recordedGestationWeeks(gestationDays),
      unit: 'wk',
      system: UCUM_SYSTEM,
      code: 'wk',
    },
  })}\n`;
}

/** Throws `SIM_ID_INVALID` unless `id` is a valid FHIR resource id (never echoes the id). */
function assertFhirId(id: string): string {
  if (!FHIR_ID.test(id)) {
    throw new CentileError(
      'invalid-input',
      'SIM_ID_INVALID',
      'child ids must be FHIR ids (A-Z, a-z, 0-9, "-", "." and at most 64 characters with their suffix).',
    );
  }
  return id;
}
