/**
 * One MEASUREMENT row of a gestational-age concept → the person's
 * gestational age at birth in days, a row to ignore, or the list of what is
 * wrong with it. PERSON has no column for gestational age, so ETLs keep it
 * in MEASUREMENT, in weeks or days; it is a property of the child, not a
 * growth measurement.
 */
import { decimalToNumber, multiplyDecimal, parseDecimal } from '../decimal.js';
import type { Decimal } from '../decimal.js';
import { GESTATION_OWN_BELOW_AGE_DAYS, GESTATION_WEEKS_RANGE } from '../gestation-rules.js';
import { GESTATION_UNIT_CONCEPTS, GESTATION_UNIT_SOURCE_VALUES } from './omop-concepts.js';
import type { GestationUnit } from './omop-concepts.js';
import type { OmopFieldProblem } from './omop-ingest-report.js';
import { findPerson, parseAmount, parseMeasurementDay, resolveUnit } from './measurement-fields.js';
import type { MeasurementColumn, PersonLookup } from './measurement-fields.js';
import type { OmopPerson } from './parse-person-row.js';
import type { ColumnReader } from './read-omop-table.js';

/** A person's gestational age at birth, in days. */
export interface OmopGestation {
  readonly person: OmopPerson;
  readonly days: number;
}

/** Outcome of parsing one gestational-age row. */
export type GestationRowResult =
  | { readonly status: 'gestation'; readonly gestation: OmopGestation }
  | { readonly status: 'ignored' }
  | { readonly status: 'rejected'; readonly problems: OmopFieldProblem[] };

const IGNORED: GestationRowResult = { status: 'ignored' };
const DAYS_PER_WEEK = 7;
/** Plausible gestational age at birth in days: the long CSV format's range in weeks. */
const MIN_DAYS = GESTATION_WEEKS_RANGE[0] * DAYS_PER_WEEK;
const MAX_DAYS = GESTATION_WEEKS_RANGE[1] * DAYS_PER_WEEK;
const DAYS_PER_UNIT: Record<GestationUnit, Decimal> = {
  wk: { digits: BigInt(DAYS_PER_WEEK), exponent: 0 },
  d: { digits: 1n, exponent: 0 },
};

/**
 * Parses a gestational-age row: weeks (8511, `wk`) or days (8512, `d`),
 * converted exactly to days and within the long CSV format's plausible
 * range. Its date is checked like a measurement's, and tells the person's
 * own gestational age from a pregnancy's (see `GESTATION_OWN_BELOW_AGE_DAYS`).
 */
export function parseGestationRow(
  read: ColumnReader<MeasurementColumn>,
  persons: PersonLookup,
): GestationRowResult {
  const problems: OmopFieldProblem[] = [];
  const person = findPerson(read('person_id'), persons, problems);
  const date = parseMeasurementDay(read, problems);
  const ageDays =
    person === undefined || date === undefined ? undefined : date.day - person.birthDay;
  if (ageDays !== undefined && ageDays >= GESTATION_OWN_BELOW_AGE_DAYS) return IGNORED;
  const amount = parseAmount(read('value_as_number'), problems);
  const unit = resolveUnit(read, GESTATION_UNIT_CONCEPTS, GESTATION_UNIT_SOURCE_VALUES, problems);
  const days = amount === undefined || unit === undefined ? undefined : toDays(amount, unit.name);
  if (days !== undefined && !(days >= MIN_DAYS && days <= MAX_DAYS)) {
    problems.push({ field: 'value_as_number', reason: 'OUT_OF_RANGE' });
  }
  if (date !== undefined && ageDays !== undefined && ageDays < 0) {
    problems.push({ field: date.field, reason: 'MEASURED_BEFORE_BIRTH' });
  }
  if (person === undefined || days === undefined || problems.length > 0) {
    return { status: 'rejected', problems };
  }
  return { status: 'gestation', gestation: { person, days } };
}

/**
 * `amount` (a valid decimal) in `unit` as days: the written decimal times 7
 * or 1, rounded once, as the FHIR adapter converts `wk`.
 */
function toDays(amount: string, unit: GestationUnit): number | undefined {
  const decimal = parseDecimal(amount);
  if (decimal === undefined) return undefined;
  return decimalToNumber(multiplyDecimal(decimal, DAYS_PER_UNIT[unit]));
}
