/**
 * One record of an OMOP table export per line, comma- or tab-separated.
 * OHDSI tools and database dumps write both; the quoting rules are the same
 * (RFC 4180: a field in double quotes may hold the separator, `""` is one
 * quote). Comma lines go through the long-CSV parser; tab lines through the
 * same rules with a tab as separator.
 */
import { parseCsvLine } from '../parse-csv-line.js';

/** Field separator of a table file. */
export type Delimiter = ',' | '\t';

/**
 * The separator a header row uses: a tab when it holds one (OMOP column
 * names never contain tabs or commas), else a comma.
 */
export function detectDelimiter(headerLine: string): Delimiter {
  return headerLine.includes('\t') ? '\t' : ',';
}

/** Fields of `line`, unquoted but not trimmed; undefined when the quoting is broken. */
export function parseDelimitedLine(line: string, delimiter: Delimiter): string[] | undefined {
  // Most exports quote nothing: a plain split is exact then, and fastest.
  if (delimiter === '\t' && !line.includes('"')) return line.split('\t');
  return parseCsvLine(line, delimiter);
}
