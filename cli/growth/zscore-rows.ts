/**
 * The batch calculator's core: input CSV lines in, output CSV lines out,
 * one output row per input row. A row that cannot be scored gets a reason
 * and the batch goes on; only an unusable header stops it.
 */
import { scoreMeasurement } from '../../benchmark/growth/score-measurement.js';
import { parseCsvLine } from '../../node/data/parse-csv-line.js';
import type { Line } from '../../node/data/read-lines.js';
import { parseZscoreRow } from './parse-zscore-row.js';
import type { ZscoreColumns } from './zscore-columns.js';
import { headerInvalid, parseZscoreHeader } from './zscore-columns.js';

/** The output header. */
export const ZSCORE_OUTPUT_HEADER = 'id,z,percentile,flag,reason';

/** What a run did: data rows read and rows scored (the rest carry a reason). */
export interface ZscoreSummary {
  readonly rows: number;
  readonly scored: number;
}

/**
 * Reads the input `lines` (header first; blank lines skipped) and writes the
 * output header and one line per data row through `write`, awaiting it so a
 * slow disk holds the reader back.
 * @throws CentileError `CSV_HEADER_INVALID` when the header is missing or unusable.
 */
export async function writeZscores(
  lines: AsyncIterable<Line>,
  write: (line: string) => Promise<void> | void,
): Promise<ZscoreSummary> {
  let columns: ZscoreColumns | undefined;
  let rows = 0;
  let scored = 0;
  for await (const line of lines) {
    if (!line.tooLong && line.text.trim() === '') continue;
    if (columns === undefined) {
      columns = readHeader(line);
      await write(ZSCORE_OUTPUT_HEADER);
      continue;
    }
    rows += 1;
    const output = scoreLine(line, columns);
    if (output.scored) scored += 1;
    await write(output.text);
  }
  if (columns === undefined) throw headerInvalid('the file has no header row');
  return { rows, scored };
}

function readHeader(line: Line): ZscoreColumns {
  const fields = line.tooLong ? undefined : parseCsvLine(line.text);
  if (fields === undefined) throw headerInvalid('the header row is not valid CSV');
  return parseZscoreHeader(fields);
}

/** One output line; `scored` when it carries a z. */
function scoreLine(line: Line, columns: ZscoreColumns): { text: string; scored: boolean } {
  if (line.tooLong) return { text: notScored('', 'ROW_TOO_LONG'), scored: false };
  const fields = parseCsvLine(line.text);
  if (fields === undefined) return { text: notScored('', 'ROW_MALFORMED'), scored: false };
  const id = fields[columns.index.id ?? -1]?.trim() ?? '';
  if (fields.length !== columns.count) {
    return { text: notScored(id, 'ROW_FIELD_COUNT'), scored: false };
  }
  const parsed = parseZscoreRow(fields, columns);
  if (!parsed.ok) return { text: notScored(parsed.id, parsed.reason), scored: false };
  const score = scoreMeasurement(parsed.measurement);
  if (score.reason !== undefined) return { text: notScored(id, score.reason), scored: false };
  const flag = score.flagged ? '1' : '0';
  return { text: `${csvField(id)},${score.z},${score.percentile},${flag},`, scored: true };
}

function notScored(id: string, reason: string): string {
  return `${csvField(id)},,,,${reason}`;
}

/** An id as a CSV field: quoted when it holds a comma, a quote or a line break. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
