/**
 * One MEASUREMENT row → a growth measurement in cohort units, a gestational
 * age (see `parse-gestation-row.ts`), a row of another concept (ignored), or
 * the list of what is wrong with it. Every column is checked so a report
 * shows all the problems of a row at once.
 */
import { MeasurementKind, SI_UNIT } from '../../../benchmark/cohort.js';
import { parseDecimal } from '../decimal.js';
import { isPlausible, toSiValue } from '../measurement-units.js';
import {
  GESTATION_CONCEPTS,
  GROWTH_CONCEPTS,
  STATURE_POSITION_SOURCES,
  UNIT_CONCEPTS,
  UNIT_SOURCE_VALUES,
} from './omop-concepts.js';
import type { OmopGrowthKind } from './omop-concepts.js';
import type { OmopFieldProblem } from './omop-ingest-report.js';
import type { OmopTableSpec } from './parse-omop-header.js';
import {
  PLAIN_DECIMAL,
  findPerson,
  parseAmount,
  parseMeasurementDay,
  resolveUnit,
} from './measurement-fields.js';
import type { MeasurementColumn, PersonLookup } from './measurement-fields.js';
import { parseGestationRow } from './parse-gestation-row.js';
import type { GestationRowResult } from './parse-gestation-row.js';
import type { OmopPerson } from './parse-person-row.js';
import type { ColumnReader } from './read-omop-table.js';

export type { MeasurementColumn, PersonLookup } from './measurement-fields.js';

/** MEASUREMENT needs a person, a concept, a value, a date and a unit (concept or source text). */
export const MEASUREMENT_TABLE: OmopTableSpec<MeasurementColumn> = {
  table: 'MEASUREMENT',
  columns: [
    'person_id',
    'measurement_concept_id',
    'measurement_date',
    'measurement_datetime',
    'value_as_number',
    'unit_concept_id',
    'unit_source_value',
    'measurement_source_value',
  ],
  required: [
    [['person_id']],
    [['measurement_concept_id']],
    [['value_as_number']],
    [['measurement_date'], ['measurement_datetime']],
    [['unit_concept_id'], ['unit_source_value']],
  ],
};

/**
 * Children below this age in days are measured lying down. OMOP records no
 * body position, so a stature concept is a length before the second
 * birthday (WHO and CDC both switch at 24 months) and a height from then
 * on, unless `measurement_source_value` is the LOINC code of a position.
 */
export const RECUMBENT_BELOW_AGE_DAYS = 731;

/** A growth measurement ready for the cohort; `value` in the SI unit of `kind`. */
export interface OmopMeasurement {
  readonly person: OmopPerson;
  readonly ageDays: number;
  readonly kind: MeasurementKind;
  readonly value: number;
  readonly estimated: boolean;
}

/** Outcome of parsing one MEASUREMENT row: a growth measurement, or as `GestationRowResult`. */
export type MeasurementRowResult =
  { readonly status: 'ok'; readonly measurement: OmopMeasurement } | GestationRowResult;

const IGNORED: MeasurementRowResult = { status: 'ignored' };

/**
 * Parses one MEASUREMENT row against the persons already read: a growth
 * measurement, a gestational age, a row of another concept, or its problems.
 */
export function parseMeasurementRow(
  read: ColumnReader<MeasurementColumn>,
  persons: PersonLookup,
): MeasurementRowResult {
  const conceptId = read('measurement_concept_id');
  const concept = GROWTH_CONCEPTS.get(conceptId);
  if (concept === undefined) {
    return GESTATION_CONCEPTS.has(conceptId) ? parseGestationRow(read, persons) : IGNORED;
  }
  const problems: OmopFieldProblem[] = [];
  const person = findPerson(read('person_id'), persons, problems);
  const date = parseMeasurementDay(read, problems);
  const amount = parseAmount(read('value_as_number'), problems);
  const unit = resolveUnit(read, UNIT_CONCEPTS, UNIT_SOURCE_VALUES, problems);
  const ageDays =
    person === undefined || date === undefined ? undefined : date.day - person.birthDay;
  const kind = toKind(concept.kind, isRecumbent(read('measurement_source_value'), ageDays));
  const value =
    amount === undefined || unit === undefined ? undefined : toSi(kind, amount, unit.name);
  if (amount !== undefined && unit !== undefined && value === undefined) {
    problems.push({ field: unit.field, reason: 'UNKNOWN_UNIT' }); // a unit of another kind
  }
  if (value !== undefined && !isPlausible(kind, value)) {
    problems.push({ field: 'value_as_number', reason: 'OUT_OF_RANGE' });
  }
  if (date !== undefined && ageDays !== undefined && ageDays < 0) {
    problems.push({ field: date.field, reason: 'MEASURED_BEFORE_BIRTH' });
  }
  if (person === undefined || ageDays === undefined || value === undefined || problems.length > 0) {
    return { status: 'rejected', problems };
  }
  return {
    status: 'ok',
    measurement: { person, ageDays, kind, value, estimated: concept.estimated },
  };
}

/**
 * `amount` (a valid decimal) in `unit` as the SI value of `kind`, or
 * undefined for a unit of another kind. Already in the SI unit, a plain
 * decimal goes straight through `Number`, which rounds correctly, so it is
 * the same double the exact decimal path gives, without its BigInt work.
 */
function toSi(kind: MeasurementKind, amount: string, unit: string): number | undefined {
  if (unit === SI_UNIT[kind] && PLAIN_DECIMAL.test(amount)) return Number(amount);
  const decimal = parseDecimal(amount);
  return decimal === undefined ? undefined : toSiValue(kind, decimal, unit);
}

/**
 * Lying or standing: the position the source LOINC code records, else by
 * age. Without an age (the row is rejected anyway) either serves to check
 * the unit, as length and height share units and ranges.
 */
function isRecumbent(sourceValue: string, ageDays: number | undefined): boolean {
  const position = STATURE_POSITION_SOURCES.get(sourceValue);
  if (position !== undefined) return position === 'recumbent';
  return ageDays !== undefined && ageDays < RECUMBENT_BELOW_AGE_DAYS;
}

function toKind(kind: OmopGrowthKind, recumbent: boolean): MeasurementKind {
  switch (kind) {
    case 'weight':
      return MeasurementKind.weight;
    case 'stature':
      return recumbent ? MeasurementKind.length : MeasurementKind.height;
    case 'headCircumference':
      return MeasurementKind.headCircumference;
    case 'bmi':
      return MeasurementKind.bmi;
  }
}
