/**
 * OMOP dates and datetimes as whole days since 1970-01-01. Ages are whole
 * days between calendar dates, so only the date part of a datetime counts:
 * the time, and any offset, are ignored rather than shifted, as the date
 * written is the date the site recorded.
 */
import { parseIsoDay } from '../parse-iso-day.js';

/**
 * The day of `YYYY-MM-DD`, optionally followed by a time (`YYYY-MM-DD
 * HH:MM:SS` as database dumps write it, or ISO `YYYY-MM-DDTHH:MM:SSZ`);
 * undefined when not a real date.
 */
export function parseOmopDay(text: string): number | undefined {
  if (text.length > 10) {
    const separator = text[10];
    if (separator !== ' ' && separator !== 'T') return undefined;
    return parseIsoDay(text.slice(0, 10));
  }
  return parseIsoDay(text);
}
