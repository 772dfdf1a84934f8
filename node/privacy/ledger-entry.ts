/**
 * One line of the budget ledger (privacy.md §8): a canonical-JSON object,
 * hash-chained to the line before it. Parsing is strict (exact key sets,
 * canonical bytes, canonical rationals) because the ledger is the evidence
 * that the budget was respected: anything unexpected means tampering or a
 * torn write, and the ledger then fails closed.
 */
import { sha256Hex } from '../../keys/sha256.js';
import { privacyError } from '../../benchmark/privacy/privacy-errors.js';
import { formatRational, parseRational } from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import { canonicalBytes, canonicalJson } from '../../keys/canonical-json.js';
import type { CanonicalValue } from '../../keys/canonical-json.js';

/** prevHash of the first entry. */
export const GENESIS_PREV_HASH = '0'.repeat(64);

/** Fields every entry carries. */
type EntryHeader = {
  readonly seq: number;
  readonly prevHash: string;
  readonly datasetLineage: string;
  readonly createdAt: string;
};

/** What an entry says, by kind. Rationals are canonical "p/q" strings. */
export type LedgerEntryBody =
  | { readonly kind: 'GENESIS'; readonly totalRho: string }
  | {
      readonly kind: 'RESERVE';
      readonly requestId: string;
      readonly rho: string;
      readonly owner?: string;
    }
  | {
      readonly kind: 'REFUSED';
      readonly requestId: string;
      readonly rho: string;
      readonly owner?: string;
      readonly reason: string;
    }
  | {
      readonly kind: 'COMMIT';
      readonly requestId: string;
      readonly releaseHash: string;
      readonly releaseBytes: number;
    };

/** An entry before hashing. */
export type UnsealedEntry = EntryHeader & LedgerEntryBody;

/** An entry as stored: `hash` = sha256 hex of the canonical JSON of everything else. */
export type LedgerEntry = UnsealedEntry & { readonly hash: string };

/** Adds the hash that chains the entry. */
export function sealEntry(entry: UnsealedEntry): LedgerEntry {
  return { ...entry, hash: sha256Hex(canonicalBytes(entry)) };
}

/** The exact line (no newline) stored for an entry. */
export function entryLine(entry: LedgerEntry): string {
  return canonicalJson(entry);
}

const HEX64 = /^[0-9a-f]{64}$/;
const COMMON_KEYS = ['createdAt', 'datasetLineage', 'hash', 'kind', 'prevHash', 'seq'];
const KIND_KEYS: Record<LedgerEntryBody['kind'], { required: string[]; optional: string[] }> = {
  GENESIS: { required: ['totalRho'], optional: [] },
  RESERVE: { required: ['requestId', 'rho'], optional: ['owner'] },
  REFUSED: { required: ['requestId', 'rho', 'reason'], optional: ['owner'] },
  COMMIT: { required: ['requestId', 'releaseHash', 'releaseBytes'], optional: [] },
};

function corrupt(cause?: unknown): never {
  throw privacyError('LEDGER_CORRUPT', 'budget ledger failed verification', cause);
}

/**
 * Parses one stored line and checks its own hash and shape (not its place in
 * the chain). Throws `LEDGER_CORRUPT` on any deviation.
 */
export function parseLedgerLine(line: string): LedgerEntry {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return corrupt(error);
  }
  const record = checkShape(value);
  const { hash, ...unsealed } = record;
  // Re-serialising must give the stored bytes: a reformatted line is an edited line.
  if (canonicalJson(record as CanonicalValue) !== line) corrupt();
  if (sha256Hex(canonicalBytes(unsealed as CanonicalValue)) !== hash) corrupt();
  return record as unknown as LedgerEntry;
}

function checkShape(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) corrupt();
  const record = value as Record<string, unknown>;
  const kind = record['kind'];
  if (typeof kind !== 'string' || !Object.hasOwn(KIND_KEYS, kind)) corrupt();
  const spec = KIND_KEYS[kind as LedgerEntryBody['kind']];
  const allowed = new Set([...COMMON_KEYS, ...spec.required, ...spec.optional]);
  const keys = Object.keys(record);
  if (keys.some((key) => !allowed.has(key))) corrupt();
  if ([...COMMON_KEYS, ...spec.required].some((key) => !keys.includes(key))) corrupt();
  checkFields(record);
  return record;
}

function checkFields(record: Record<string, unknown>): void {
  const isText = (key: string): boolean => typeof record[key] === 'string';
  const seq = record['seq'];
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0) corrupt();
  for (const key of ['hash', 'prevHash', 'releaseHash']) {
    if (key in record && !HEX64.test(String(record[key]))) corrupt();
  }
  for (const key of ['datasetLineage', 'createdAt', 'requestId', 'owner', 'reason']) {
    if (key in record && !isText(key)) corrupt();
  }
  for (const key of ['totalRho', 'rho']) {
    if (key in record) parseStoredRho(record[key]);
  }
  const size = record['releaseBytes'];
  if (
    'releaseBytes' in record &&
    (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0)
  ) {
    corrupt();
  }
}

/** A stored ρ: canonical text of a positive rational, else `LEDGER_CORRUPT`. */
export function parseStoredRho(text: unknown): Rational {
  try {
    const rho = parseRational(text);
    if (rho.num <= 0n || formatRational(rho) !== text) corrupt();
    return rho;
  } catch (error) {
    return corrupt(error);
  }
}
