/**
 * FHIR `date`, `dateTime` and `instant` values → whole days since
 * 1970-01-01. The date is taken as written, before any `T`: a visit on
 * 2020-11-18 at 16:19 in UTC−8 happened on the 18th for the child and the
 * growth chart, whatever day it was in UTC, so no time zone is applied.
 * Read with character codes, not a regular expression: this runs once per
 * observation of a bulk export.
 */

import { daysFromCivil, isLeapYear } from '../parse-iso-day.js';

/** A date with only a year or a year and month: real FHIR, but no exact age can come of it. */
export const PARTIAL = 'partial';

const HYPHEN = 45; // '-'
const T = 84; // 'T'
const ZERO = 48;
/** Days per month of a common year; February is fixed up for leap years. */
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The day of a FHIR date or dateTime; `PARTIAL` for `YYYY` and `YYYY-MM`;
 * undefined for anything else (not a string, not a real date, bad shape).
 */
export function parseFhirDay(text: unknown): number | typeof PARTIAL | undefined {
  if (typeof text !== 'string') return undefined;
  const { length } = text;
  const year = digits(text, 0, 4);
  if (year < 0) return undefined;
  if (length === 4) return PARTIAL;
  if (text.charCodeAt(4) !== HYPHEN) return undefined;
  const month = digits(text, 5, 2);
  if (month < 1 || month > 12) return undefined;
  if (length === 7) return PARTIAL;
  if (length < 10 || text.charCodeAt(7) !== HYPHEN) return undefined;
  if (length > 10 && text.charCodeAt(10) !== T) return undefined;
  const day = digits(text, 8, 2);
  const leapDay = month === 2 && isLeapYear(year) ? 1 : 0;
  if (day < 1 || day > (MONTH_DAYS[month] ?? 0) + leapDay) return undefined;
  return daysFromCivil(year, month, day);
}

/** The value of `count` ASCII digits at `at`; -1 if any is not a digit (or missing). */
function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i += 1) {
    const digit = text.charCodeAt(i) - ZERO;
    if (!(digit >= 0 && digit <= 9)) return -1; // NaN past the end fails too
    value = value * 10 + digit;
  }
  return value;
}
