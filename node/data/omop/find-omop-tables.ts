/**
 * Finds the PERSON and MEASUREMENT table files in an OMOP export folder.
 * Names are matched case-insensitively (`PERSON.csv`, `person.csv`,
 * `person.tsv`), because OHDSI tools and database dumps disagree on case.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { CentileError } from '../../../benchmark/errors.js';

/** The two table files of an export: full paths and base names. */
export interface OmopTables {
  readonly person: OmopTableFile;
  readonly measurement: OmopTableFile;
}

/** One table file. */
export interface OmopTableFile {
  readonly path: string;
  /** Base name as found on disk; reports show only this, never the full path. */
  readonly name: string;
}

/** Accepted file name extensions, lowercase. */
export const TABLE_EXTENSIONS = ['.csv', '.tsv'] as const;

/**
 * Locates the tables in `folder`.
 * @throws CentileError `DATA_NOT_FOUND` (the folder is missing, unreadable or
 *   not a folder), `OMOP_TABLE_MISSING` (no PERSON or no MEASUREMENT file),
 *   `OMOP_TABLE_AMBIGUOUS` (two files for one table, e.g. `PERSON.csv` and `person.tsv`).
 */
export async function findOmopTables(folder: string): Promise<OmopTables> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((cause: unknown) => {
    throw new CentileError('not-found', 'DATA_NOT_FOUND', 'data folder not found or unreadable', {
      cause,
    });
  });
  const names = entries
    .filter((entry) => entry.isFile() || entry.isSymbolicLink())
    .map((entry) => entry.name);
  return {
    person: pickTable(folder, names, 'PERSON'),
    measurement: pickTable(folder, names, 'MEASUREMENT'),
  };
}

function pickTable(folder: string, names: readonly string[], table: string): OmopTableFile {
  const wanted = TABLE_EXTENSIONS.map((extension) => `${table.toLowerCase()}${extension}`);
  const found = names.filter((name) => wanted.includes(name.toLowerCase()));
  const [name, other] = found;
  if (name === undefined) {
    throw new CentileError('not-found', 'OMOP_TABLE_MISSING', `no ${table} table in the folder`);
  }
  if (other !== undefined) {
    throw new CentileError(
      'invalid-input',
      'OMOP_TABLE_AMBIGUOUS',
      `more than one ${table} table file in the folder`,
    );
  }
  return { path: path.join(folder, name), name };
}
