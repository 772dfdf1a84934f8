/**
 * The fast path for `YYYY-MM-DD` dates in CSV bytes: the same calendar
 * rules as `parseIsoDay` (real dates only, proleptic Gregorian), read from
 * bytes without building a string, with the day count looked up in a table
 * of year starts instead of divided out for every row.
 */

import { daysFromCivil } from '../parse-iso-day.js';

const DIGIT_0 = 48;
const DASH = 45;
const ISO_DATE_BYTES = 10;
/** Days since 1970-01-01 of January 1st of each year 0000 … 10000. */
const YEAR_START = Int32Array.from({ length: 10_001 }, (_, year) => daysFromCivil(year, 1, 1));
/** Days of a common year's months, and days before each month (1-based). */
const MONTH_DAYS = Int32Array.of(0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31);
const DAYS_BEFORE_MONTH = Int32Array.of(0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334);

/**
 * Days since 1970-01-01 (UTC) of the date in bytes `[start, end)`; NaN when
 * the bytes are not exactly a real `YYYY-MM-DD` date, as `parseIsoDay` decides.
 */
export function asciiIsoDay(bytes: Uint8Array, start: number, end: number): number {
  if (end - start !== ISO_DATE_BYTES || bytes[start + 4] !== DASH || bytes[start + 7] !== DASH) {
    return Number.NaN;
  }
  const century = twoDigits(bytes, start);
  const yearOfCentury = twoDigits(bytes, start + 2);
  const month = twoDigits(bytes, start + 5);
  const day = twoDigits(bytes, start + 8);
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const year = century * 100 + yearOfCentury;
  const yearStart = YEAR_START[year] ?? 0;
  const leapDay = (YEAR_START[year + 1] ?? 0) - yearStart - 365; // 1 in leap years, else 0
  const monthDays = (MONTH_DAYS[month] ?? 0) + (month === 2 ? leapDay : 0);
  if (day > monthDays) return Number.NaN;
  return yearStart + (DAYS_BEFORE_MONTH[month] ?? 0) + (month > 2 ? leapDay : 0) + day - 1;
}

/** The value of the two ASCII digits at `at`; -1 if either byte is not a digit. */
function twoDigits(bytes: Uint8Array, at: number): number {
  const tens = (bytes[at] ?? 0) - DIGIT_0;
  const ones = (bytes[at + 1] ?? 0) - DIGIT_0;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}
