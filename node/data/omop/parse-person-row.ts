/**
 * One PERSON row → a child's id, sex and exact birth date, or the list of
 * what is wrong with it. Growth z-scores need the age in days, so a birth
 * date must be complete: OMOP allows a year alone (and many sites keep only
 * that), but imputing a day (e.g. 1 July) would shift every age by up to
 * six months, so such a person is rejected rather than guessed.
 */
import type { Sex } from '../../../benchmark/cohort.js';
import { parseIsoDay } from '../parse-iso-day.js';
import { GENDER_CONCEPTS } from './omop-concepts.js';
import type { OmopFieldProblem } from './omop-ingest-report.js';
import type { OmopTableSpec } from './parse-omop-header.js';
import type { ColumnReader } from './read-omop-table.js';
import { parseOmopDay } from './parse-omop-day.js';

/** The PERSON columns the reader uses. */
export type PersonColumn =
  | 'person_id'
  | 'gender_concept_id'
  | 'year_of_birth'
  | 'month_of_birth'
  | 'day_of_birth'
  | 'birth_datetime';

/** PERSON needs an id, a gender and a birth date as a datetime or as its three parts. */
export const PERSON_TABLE: OmopTableSpec<PersonColumn> = {
  table: 'PERSON',
  columns: [
    'person_id',
    'gender_concept_id',
    'year_of_birth',
    'month_of_birth',
    'day_of_birth',
    'birth_datetime',
  ],
  required: [
    [['person_id']],
    [['gender_concept_id']],
    [['birth_datetime'], ['year_of_birth', 'month_of_birth', 'day_of_birth']],
  ],
};

/** A valid person. `birthDay` is days since 1970-01-01. */
export interface OmopPerson {
  readonly id: string;
  readonly sex: Sex;
  readonly birthDay: number;
}

/** Outcome of parsing one PERSON row. */
export type PersonRowResult =
  | { readonly ok: true; readonly person: OmopPerson }
  | { readonly ok: false; readonly problems: OmopFieldProblem[] };

/** Whole numbers as databases write them, also as a float (`4.0`, from a column with nulls). */
const WHOLE_NUMBER = /^(\d+)(?:\.0*)?$/;

/**
 * Parses one PERSON row. The birth date is `birth_datetime` when it is
 * filled, else `year_of_birth`-`month_of_birth`-`day_of_birth` (all three).
 */
export function parsePersonRow(read: ColumnReader<PersonColumn>): PersonRowResult {
  const problems: OmopFieldProblem[] = [];
  const id = read('person_id');
  if (id === '') problems.push({ field: 'person_id', reason: 'MISSING_VALUE' });
  const sex = parseSex(read('gender_concept_id'), problems);
  const birthDay = parseBirthDay(read, problems);
  if (sex === undefined || birthDay === undefined || problems.length > 0) {
    return { ok: false, problems };
  }
  return { ok: true, person: { id, sex, birthDay } };
}

function parseSex(text: string, problems: OmopFieldProblem[]): Sex | undefined {
  const sex = GENDER_CONCEPTS.get(text);
  if (sex === undefined) {
    problems.push({
      field: 'gender_concept_id',
      reason: text === '' ? 'MISSING_VALUE' : 'BAD_SEX',
    });
  }
  return sex;
}

function parseBirthDay(
  read: ColumnReader<PersonColumn>,
  problems: OmopFieldProblem[],
): number | undefined {
  const datetime = read('birth_datetime');
  if (datetime !== '') {
    const day = parseOmopDay(datetime);
    if (day === undefined) problems.push({ field: 'birth_datetime', reason: 'BAD_DATE' });
    return day;
  }
  if (
    read('year_of_birth') === '' &&
    read('month_of_birth') === '' &&
    read('day_of_birth') === ''
  ) {
    problems.push({ field: 'birth_datetime', reason: 'MISSING_VALUE' }); // no birth date at all
    return undefined;
  }
  const year = parsePart(read, 'year_of_birth', problems);
  const month = parsePart(read, 'month_of_birth', problems);
  const day = parsePart(read, 'day_of_birth', problems);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  // Four-digit years only: a two-digit year is a truncation, not the first century.
  const valid = year >= 1000 && year <= 9999;
  const birthDay = valid ? parseIsoDay(`${year}-${pad(month)}-${pad(day)}`) : undefined;
  if (birthDay === undefined) problems.push({ field: badPart(year, month), reason: 'BAD_DATE' });
  return birthDay;
}

function parsePart(
  read: ColumnReader<PersonColumn>,
  column: 'year_of_birth' | 'month_of_birth' | 'day_of_birth',
  problems: OmopFieldProblem[],
): number | undefined {
  const text = read(column);
  const match = WHOLE_NUMBER.exec(text);
  if (match === null) {
    problems.push({ field: column, reason: text === '' ? 'MISSING_VALUE' : 'BAD_NUMBER' });
    return undefined;
  }
  return Number(match[1]);
}

/** Which part made the date impossible: a year outside 1000–9999, a month outside 1–12, or the day. */
function badPart(year: number, month: number): PersonColumn {
  if (year < 1000 || year > 9999) return 'year_of_birth';
  return month < 1 || month > 12 ? 'month_of_birth' : 'day_of_birth';
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
