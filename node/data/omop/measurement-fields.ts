/**
 * The MEASUREMENT columns every kind of row reads the same way, growth
 * measurements and gestational ages alike: the person, the day, the amount
 * and the unit. Each parser adds its problem to `problems` and returns
 * undefined when the column cannot be used, so a row's problems are all
 * reported at once.
 */
import { parseDecimal } from '../decimal.js';
import { NO_MATCHING_CONCEPT } from './omop-concepts.js';
import type { OmopFieldProblem } from './omop-ingest-report.js';
import { parseOmopDay } from './parse-omop-day.js';
import type { OmopPerson } from './parse-person-row.js';
import type { ColumnReader } from './read-omop-table.js';

/** The MEASUREMENT columns the reader uses. */
export type MeasurementColumn =
  | 'person_id'
  | 'measurement_concept_id'
  | 'measurement_date'
  | 'measurement_datetime'
  | 'value_as_number'
  | 'unit_concept_id'
  | 'unit_source_value'
  | 'measurement_source_value';

/** What the reader knows of a `person_id`: a valid person, a rejected PERSON row, or nothing. */
export type PersonLookup = (id: string) => OmopPerson | 'rejected' | undefined;

/** Unsigned decimals without an exponent, as nearly every export writes them (`48.1`, `3`). */
export const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** The person `id` names, or undefined (and a problem) when it is empty, unknown or rejected. */
export function findPerson(
  id: string,
  persons: PersonLookup,
  problems: OmopFieldProblem[],
): OmopPerson | undefined {
  if (id === '') {
    problems.push({ field: 'person_id', reason: 'MISSING_VALUE' });
    return undefined;
  }
  const person = persons(id);
  if (person === undefined) problems.push({ field: 'person_id', reason: 'UNKNOWN_PERSON' });
  if (person === 'rejected') problems.push({ field: 'person_id', reason: 'PERSON_REJECTED' });
  return typeof person === 'object' ? person : undefined;
}

/** The measurement day from `measurement_date`, else from the date part of `measurement_datetime`. */
export function parseMeasurementDay(
  read: ColumnReader<MeasurementColumn>,
  problems: OmopFieldProblem[],
): { day: number; field: MeasurementColumn } | undefined {
  const dateText = read('measurement_date');
  const field = dateText !== '' ? 'measurement_date' : 'measurement_datetime';
  const text = dateText !== '' ? dateText : read('measurement_datetime');
  if (text === '') {
    problems.push({ field: 'measurement_date', reason: 'MISSING_VALUE' });
    return undefined;
  }
  const day = parseOmopDay(text);
  if (day === undefined) problems.push({ field, reason: 'BAD_DATE' });
  return day === undefined ? undefined : { day, field };
}

/** The text of `value_as_number` when it is a decimal number, else undefined (and a problem). */
export function parseAmount(text: string, problems: OmopFieldProblem[]): string | undefined {
  if (PLAIN_DECIMAL.test(text) || (text !== '' && parseDecimal(text) !== undefined)) return text;
  problems.push({ field: 'value_as_number', reason: text === '' ? 'MISSING_VALUE' : 'BAD_NUMBER' });
  return undefined;
}

/**
 * The unit from `unit_concept_id` (looked up in `byConcept`), or from
 * `unit_source_value` (in `bySource`, lowercase) when the concept is 0 or
 * empty (the ETL did not map it). An unknown unit is rejected, never guessed.
 */
export function resolveUnit<U extends string>(
  read: ColumnReader<MeasurementColumn>,
  byConcept: ReadonlyMap<string, U>,
  bySource: ReadonlyMap<string, U>,
  problems: OmopFieldProblem[],
): { name: U; field: MeasurementColumn } | undefined {
  const concept = read('unit_concept_id');
  const mapped = concept !== '' && concept !== NO_MATCHING_CONCEPT;
  const field = mapped ? 'unit_concept_id' : 'unit_source_value';
  const text = mapped ? concept : read('unit_source_value');
  const name = mapped ? byConcept.get(text) : bySource.get(text.toLowerCase());
  if (name === undefined) {
    problems.push({ field, reason: text === '' ? 'MISSING_VALUE' : 'UNKNOWN_UNIT' });
  }
  return name === undefined ? undefined : { name, field };
}
