/**
 * One CSV record per line, RFC 4180 quoting: a field may be wrapped in
 * double quotes to hold commas, and `""` inside quotes is one quote.
 * Quoted fields cannot span lines here: no column of the long format holds
 * a line break, and one-record-per-line keeps row numbers exact and a
 * stray quote from swallowing the rest of the file.
 */

/**
 * Fields of `line`, unquoted but not trimmed; undefined when the quoting is
 * broken (an unterminated quote, or text after a closing quote). Spaces
 * around a quoted field are tolerated, as spreadsheet exports produce them.
 */
export function parseCsvLine(line: string, delimiter: ',' | '\t' = ','): string[] | undefined {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    const field = readField(line, at, delimiter);
    if (field === undefined) return undefined;
    fields.push(field.value);
    if (field.next === line.length) return fields;
    if (line[field.next] !== delimiter) return undefined;
    at = field.next + 1;
  }
}

interface Field {
  readonly value: string;
  /** Index just after the field: a separator or the end of the line. */
  readonly next: number;
}

function readField(line: string, at: number, delimiter: string): Field | undefined {
  const quote = skipPadding(line, at, delimiter);
  if (line[quote] === '"') return readQuoted(line, quote + 1, delimiter);
  const end = line.indexOf(delimiter, at);
  const next = end === -1 ? line.length : end;
  return { value: line.slice(at, next), next };
}

function readQuoted(line: string, at: number, delimiter: string): Field | undefined {
  let value = '';
  for (;;) {
    const quote = line.indexOf('"', at);
    if (quote === -1) return undefined;
    value += line.slice(at, quote);
    if (line[quote + 1] !== '"') return { value, next: skipPadding(line, quote + 1, delimiter) };
    value += '"';
    at = quote + 2;
  }
}

/** Spaces, and tabs unless the tab is the separator, pad a quoted field. */
function skipPadding(line: string, at: number, delimiter: string): number {
  let index = at;
  while (line[index] === ' ' || (line[index] === '\t' && delimiter !== '\t')) index += 1;
  return index;
}
