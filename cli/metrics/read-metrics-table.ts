/**
 * A `centile metrics` input file → typed columns. The whole file must be
 * usable: the first bad cell stops the run with its line and column, since a
 * metric over "the rows that happened to parse" would silently differ from
 * the one a node computes.
 */
import { CentileError } from '../../benchmark/errors.js';
import type { Grouping } from '../../benchmark/metrics/group-rows.js';
import { parseCsvLine } from '../../node/data/parse-csv-line.js';
import type { Line } from '../../node/data/read-lines.js';
import type { MetricsColumns, MetricsKind } from './metrics-columns.js';
import {
  GROUP_COLUMN,
  headerInvalid,
  parseMetricsHeader,
  VALUE_COLUMNS,
} from './metrics-columns.js';
import { MetricsInputError } from './metrics-input-error.js';
import { parseDecimalNumber } from './parse-decimal-number.js';

/** Most distinct groups a file may have: subgroups are few (sex, age band, …), never ids. */
export const MAX_GROUPS = 1000;

/** The file's values: truth (label or target) and model output (score or prediction). */
export interface MetricsTable {
  readonly truth: Float64Array;
  readonly output: Float64Array;
  /** Present when the file has a `group` column. */
  readonly grouping?: Grouping;
}

/**
 * Reads `lines` (header first; blank lines skipped but counted in line numbers).
 * @throws CentileError `CSV_HEADER_INVALID`, `NO_ROWS`, or a {@link MetricsInputError}
 *   (`ROW_*`, `LABEL_INVALID`, `SCORE_INVALID`, `SCORE_OUT_OF_RANGE`, `TARGET_INVALID`,
 *   `PREDICTION_INVALID`, `GROUP_MISSING`, `TOO_MANY_GROUPS`).
 */
export async function readMetricsTable(
  lines: AsyncIterable<Line>,
  kind: MetricsKind,
): Promise<MetricsTable> {
  let columns: MetricsColumns | undefined;
  const rows = createRowSink(kind);
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.tooLong && line.text.trim() === '') continue;
    if (columns === undefined) columns = readHeader(line, kind);
    else rows.add(fieldsOf(line, lineNumber, columns), lineNumber, columns);
  }
  if (columns === undefined) throw headerInvalid('the file has no header row');
  return rows.table(columns.group !== undefined);
}

function readHeader(line: Line, kind: MetricsKind): MetricsColumns {
  const fields = line.tooLong ? undefined : parseCsvLine(line.text);
  if (fields === undefined) throw headerInvalid('the header row is not valid CSV');
  return parseMetricsHeader(fields, kind);
}

function fieldsOf(line: Line, lineNumber: number, columns: MetricsColumns): string[] {
  if (line.tooLong) throw new MetricsInputError('ROW_TOO_LONG', lineNumber, null);
  const fields = parseCsvLine(line.text);
  if (fields === undefined) throw new MetricsInputError('ROW_MALFORMED', lineNumber, null);
  if (fields.length !== columns.count)
    throw new MetricsInputError('ROW_FIELD_COUNT', lineNumber, null);
  return fields;
}

/** Accumulates checked rows; plain arrays grow cheaply and become typed arrays once. */
function createRowSink(kind: MetricsKind) {
  const specs = VALUE_COLUMNS[kind];
  const values: [number[], number[]] = [[], []];
  const groupOf: number[] = [];
  const groups = createGroupNames();
  return {
    add(fields: readonly string[], line: number, columns: MetricsColumns): void {
      specs.forEach((spec, i) => {
        const value = parseDecimalNumber(fields[columns.values[i] as number] ?? '');
        const code = spec.check(value);
        if (code !== undefined) throw new MetricsInputError(code, line, spec.name);
        (values[i] as number[]).push(value);
      });
      if (columns.group !== undefined) groupOf.push(groups.indexOf(fields[columns.group], line));
    },
    table(grouped: boolean): MetricsTable {
      if (values[0].length === 0) {
        throw new CentileError('invalid-input', 'NO_ROWS', 'the file has no data rows');
      }
      const [truth, output] = values.map((v) => Float64Array.from(v)) as [
        Float64Array,
        Float64Array,
      ];
      if (!grouped) return { truth, output };
      return {
        truth,
        output,
        grouping: { groupOf: Uint32Array.from(groupOf), names: groups.names() },
      };
    },
  };
}

/** Group names by first appearance, each with its index. */
function createGroupNames() {
  const indices = new Map<string, number>();
  return {
    indexOf(text: string | undefined, line: number): number {
      const name = (text ?? '').trim();
      if (name === '') throw new MetricsInputError('GROUP_MISSING', line, GROUP_COLUMN);
      const known = indices.get(name);
      if (known !== undefined) return known;
      if (indices.size >= MAX_GROUPS)
        throw new MetricsInputError('TOO_MANY_GROUPS', line, GROUP_COLUMN);
      indices.set(name, indices.size);
      return indices.size - 1;
    },
    names: (): string[] => [...indices.keys()],
  };
}
