/**
 * The header row of an OMOP table file: which field holds which column.
 * Columns may come in any order and columns the reader does not use are
 * ignored, so a full CDM table export can be used as is.
 */
import { headerInvalid } from '../parse-csv-header.js';

/** The columns a reader uses from one table, and how to tell whether a header has enough. */
export interface OmopTableSpec<C extends string> {
  /** Table name as OMOP spells it, e.g. `PERSON`. */
  readonly table: string;
  readonly columns: readonly C[];
  /**
   * What must be present, as alternatives: each inner list is satisfied when
   * every column of one of its options is there.
   */
  readonly required: ReadonlyArray<ReadonlyArray<readonly C[]>>;
}

/** Field index of each used column present in the header. */
export interface OmopColumns<C extends string> {
  readonly index: Readonly<Partial<Record<C, number>>>;
  /** Fields in the header; every data row must have exactly this many. */
  readonly count: number;
}

/**
 * Maps header fields to columns. Names are trimmed and compared
 * case-insensitively; a leading UTF-8 byte order mark is ignored.
 * @throws CentileError `CSV_HEADER_INVALID` when a required column is missing
 *   or a used column repeats; the message names the table, never a path.
 */
export function parseOmopHeader<C extends string>(
  fields: readonly string[],
  spec: OmopTableSpec<C>,
): OmopColumns<C> {
  const index: Partial<Record<C, number>> = {};
  fields.forEach((raw, i) => {
    const name = (i === 0 ? raw.replace(/^\uFEFF/, '') : raw).trim().toLowerCase();
    if (!(spec.columns as readonly string[]).includes(name)) return;
    const column = name as C;
    if (index[column] !== undefined) {
      throw headerInvalid(`${spec.table}: column ${column} appears twice`);
    }
    index[column] = i;
  });
  const missing = spec.required
    .filter((options) => !options.some((all) => all.every((column) => index[column] !== undefined)))
    .map((options) => options.map((all) => all.join(' + ')).join(' or '));
  if (missing.length > 0) {
    throw headerInvalid(`${spec.table}: missing required column(s): ${missing.join(', ')}`);
  }
  return { index: Object.freeze(index), count: fields.length };
}
