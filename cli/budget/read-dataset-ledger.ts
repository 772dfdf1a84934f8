/**
 * Reads and verifies a dataset's budget ledger without the lock and without
 * writing anything, so hospital IT can run it beside a live node. It checks
 * what the node checks when it opens the ledger (privacy.md §8): the hash
 * chain, the lineage, and the GENESIS hash against the registry kept apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CentileError } from '../../benchmark/errors.js';
import { applyEntry, initialState, replayLedger } from '../../node/privacy/ledger-state.js';
import type { LedgerState } from '../../node/privacy/ledger-state.js';
import { sha256Hex } from '../../keys/sha256.js';
import { GENESIS_PREV_HASH, parseLedgerLine } from '../../node/privacy/ledger-entry.js';
import { ledgerDir, registeredGenesis } from '../../node/state/dataset-ledger.js';
import { existingDatasetLineage } from '../../node/state/lineage-key.js';
import { LEDGER_FILE, RELEASES_DIR } from '../../node/privacy/budget-ledger.js';

// File names inside a ledger folder, as node/privacy/budget-ledger.ts writes them.
// A node appending while we read may leave a half-written last line: look once more.
const TORN_TAIL_RETRY_MS = 200;

/** Something that makes the node refuse the dataset's tasks (or would, on a repeated task). */
export interface BudgetProblem {
  readonly code: string;
  readonly message: string;
  /** 1-based line of ledger.jsonl where verification first failed, when known. */
  readonly line?: number;
}

/** What the ledger files say. Only a `verified` ledger has numbers worth showing. */
export type LedgerReading =
  | { readonly status: 'none' }
  | { readonly status: 'failed'; readonly problem: BudgetProblem }
  | {
      readonly status: 'verified';
      readonly state: LedgerState;
      /** REFUSED entries by reason code. */
      readonly refusals: ReadonlyMap<string, number>;
      /** False when the node has not (yet) recorded the GENESIS hash in its registry. */
      readonly genesisRegistered: boolean;
      /** Committed releases whose stored file is missing or differs from the ledger's hash. */
      readonly changedReleases: readonly string[];
    };

/**
 * Reads `<stateDir>/ledger/<dataset>/` read-only and lock-free. A ledger that
 * fails a check is a `failed` reading, never a throw; files this user may not
 * read throw `STATE_UNREADABLE` (that says nothing about the ledger).
 */
export async function readDatasetLedger(stateDir: string, dataset: string): Promise<LedgerReading> {
  try {
    return await readVerified(stateDir, dataset);
  } catch (error) {
    if (!(error instanceof CentileError) || !error.code.startsWith('LEDGER_')) throw error;
    return { status: 'failed', problem: { code: error.code, message: error.message } };
  }
}

async function readVerified(stateDir: string, dataset: string): Promise<LedgerReading> {
  const dir = ledgerDir(stateDir, dataset);
  const registered = registeredGenesis(stateDir, dataset);
  let text = readIfExists(path.join(dir, LEDGER_FILE));
  if (text === undefined) {
    // As the node decides: a ledger the registry expects, or beside stored releases, was deleted.
    const releases = readdirIfExists(path.join(dir, RELEASES_DIR));
    if (registered !== undefined || releases.length > 0) return failed('budget ledger is missing');
    return { status: 'none' };
  }
  const lineage = existingDatasetLineage(stateDir, dataset);
  if (lineage === undefined) return failed('the lineage key beside the ledger is missing');
  if (!text.endsWith('\n')) {
    await new Promise((resolve) => setTimeout(resolve, TORN_TAIL_RETRY_MS));
    text = readIfExists(path.join(dir, LEDGER_FILE)) ?? '';
  }
  let state: LedgerState;
  try {
    state = replayLedger(text, lineage);
  } catch (error) {
    if (!(error instanceof CentileError)) throw error;
    const line = firstBadLine(text, lineage);
    return { status: 'failed', problem: { code: error.code, message: error.message, line } };
  }
  if (registered !== undefined && registered !== state.genesisHash) {
    return failed('budget ledger does not match the registry', 1);
  }
  return {
    status: 'verified',
    state,
    refusals: refusalsByReason(text),
    genesisRegistered: registered !== undefined,
    changedReleases: changedReleases(dir, state),
  };
}

function failed(message: string, line?: number): LedgerReading {
  const problem = { code: 'LEDGER_CORRUPT', message };
  return { status: 'failed', problem: line === undefined ? problem : { ...problem, line } };
}

/**
 * The 1-based line where verification first fails, for the operator who has
 * to look: the checks of `replayLedger`, one line at a time. Diagnostic only;
 * the verdict is `replayLedger`'s.
 */
function firstBadLine(text: string, lineage: string): number {
  const lines = text.split('\n');
  let index = 0;
  try {
    const genesis = parseLedgerLine(lines[0] ?? '');
    const header = genesis.seq === 0 && genesis.prevHash === GENESIS_PREV_HASH;
    if (!header || genesis.datasetLineage !== lineage) return 1;
    const state = initialState(genesis);
    for (index = 1; index < lines.length - 1; index++) {
      applyEntry(state, parseLedgerLine(lines[index] ?? ''));
    }
  } catch {
    return index + 1;
  }
  // Every complete line verifies: the last one is torn (no final newline).
  return lines.length;
}

function refusalsByReason(text: string): Map<string, number> {
  const refusals = new Map<string, number>();
  for (const line of text.slice(0, -1).split('\n')) {
    const entry = parseLedgerLine(line);
    if (entry.kind === 'REFUSED') refusals.set(entry.reason, (refusals.get(entry.reason) ?? 0) + 1);
  }
  return refusals;
}

/** The node serves a repeated task from its stored file only if the bytes match the ledger. */
function changedReleases(dir: string, state: LedgerState): string[] {
  const changed: string[] = [];
  for (const [requestId, committed] of state.committed) {
    const bytes = readBytes(path.join(dir, RELEASES_DIR, `${requestId}.json`));
    if (bytes?.length !== committed.releaseBytes || sha256Hex(bytes) !== committed.releaseHash) {
      changed.push(requestId);
    }
  }
  return changed;
}

function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw unreadable(file, error);
  }
}

function readBytes(file: string): Uint8Array | undefined {
  try {
    return new Uint8Array(readFileSync(file));
  } catch {
    return undefined;
  }
}

function readdirIfExists(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return [];
    throw unreadable(dir, error);
  }
}

/** Usually a permissions problem: the node's state folder is private to the node's user. */
function unreadable(file: string, error: unknown): CentileError {
  const code = (error as { code?: string }).code ?? 'unknown';
  return new CentileError(
    'unavailable',
    'STATE_UNREADABLE',
    `cannot read ${path.basename(file)} (${code}); run as the node's user`,
    { cause: error },
  );
}
