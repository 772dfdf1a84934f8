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
  if (delimiter === ',') return parseCsvLine(line);
  // Most exports quote nothing: a plain split is exact then, and fastest.
  return line.includes('"') ? parseQuotedTabLine(line) : line.split('\t');
}

function parseQuotedTabLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    const start = skipSpaces(line, at);
    const field =
      line[start] === '"'
        ? readQuoted(line, start + 1)
        : readPlain(line, at, line.indexOf('\t', at));
    if (field === undefined) return undefined;
    fields.push(field.value);
    if (field.next === line.length) return fields;
    if (line[field.next] !== '\t') return undefined;
    at = field.next + 1;
  }
}

interface Field {
  readonly value: string;
  /** Index just after the field: a tab or the end of the line. */
  readonly next: number;
}

function readPlain(line: string, at: number, tab: number): Field {
  const next = tab === -1 ? line.length : tab;
  return { value: line.slice(at, next), next };
}

function readQuoted(line: string, at: number): Field | undefined {
  let value = '';
  for (;;) {
    const quote = line.indexOf('"', at);
    if (quote === -1) return undefined;
    value += line.slice(at, quote);
    if (line[quote + 1] !== '"') return { value, next: skipSpaces(line, quote + 1) };
    value += '"';
    at = quote + 2;
  }
}

/** Spaces only: a tab is the separator here, never padding. */
function skipSpaces(line: string, at: number): number {
  let index = at;
  while (line[index] === ' ') index += 1;
  return index;
}
