/**
 * The budget state a ledger's entries imply, and the chain rules that make a
 * sequence of entries valid: consecutive seq from 0, each prevHash equal to
 * the previous hash, one GENESIS first, one RESERVE per request and at most
 * one COMMIT after it. Every RESERVE counts as spent whether or not it was
 * committed: data may have been read before a crash, so no refunds.
 */
import { privacyError } from '../../benchmark/privacy/privacy-errors.js';
import { add, createRational } from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import { GENESIS_PREV_HASH, parseLedgerLine, parseStoredRho } from './ledger-entry.js';
import type { LedgerEntry } from './ledger-entry.js';

/** A committed release as the ledger recorded it. */
export interface CommittedRelease {
  readonly releaseHash: string;
  readonly releaseBytes: number;
}

/** Everything the ledger knows, rebuilt from its entries. */
export interface LedgerState {
  readonly datasetLineage: string;
  /** Hash of the GENESIS entry: the value a dataset registry pins. */
  readonly genesisHash: string;
  /** Cap recorded at registration; configured caps may only be lower. */
  readonly recordedTotalRho: Rational;
  spentRho: Rational;
  nextSeq: number;
  lastHash: string;
  readonly reserved: Map<string, { rho: Rational; owner: string | undefined }>;
  readonly committed: Map<string, CommittedRelease>;
  readonly ownerSpent: Map<string, Rational>;
}

function corrupt(): never {
  throw privacyError('LEDGER_CORRUPT', 'budget ledger failed verification');
}

/**
 * Verifies a whole ledger file and replays it. The file must end with a
 * newline: a missing one means the last append was torn by a crash. Throws
 * `LEDGER_CORRUPT`, or `LEDGER_LINEAGE_MISMATCH` for another dataset's ledger.
 */
export function replayLedger(text: string, datasetLineage: string): LedgerState {
  if (text.length === 0 || !text.endsWith('\n')) corrupt();
  const lines = text.slice(0, -1).split('\n');
  const genesis = parseLedgerLine(lines[0] ?? '');
  if (genesis.kind !== 'GENESIS' || genesis.seq !== 0 || genesis.prevHash !== GENESIS_PREV_HASH) {
    corrupt();
  }
  if (genesis.datasetLineage !== datasetLineage) {
    throw privacyError('LEDGER_LINEAGE_MISMATCH', 'ledger belongs to another dataset lineage');
  }
  const state = initialState(genesis);
  for (const line of lines.slice(1)) applyEntry(state, parseLedgerLine(line));
  return state;
}

/** The state right after a GENESIS entry. */
export function initialState(genesis: LedgerEntry): LedgerState {
  if (genesis.kind !== 'GENESIS') corrupt();
  return {
    datasetLineage: genesis.datasetLineage,
    genesisHash: genesis.hash,
    recordedTotalRho: parseStoredRho(genesis.totalRho),
    spentRho: createRational(0n),
    nextSeq: 1,
    lastHash: genesis.hash,
    reserved: new Map(),
    committed: new Map(),
    ownerSpent: new Map(),
  };
}

/** Checks that `entry` may follow the state, then folds it in. */
export function applyEntry(state: LedgerState, entry: LedgerEntry): void {
  if (entry.seq !== state.nextSeq || entry.prevHash !== state.lastHash) corrupt();
  if (entry.datasetLineage !== state.datasetLineage) corrupt();
  switch (entry.kind) {
    case 'GENESIS':
      return corrupt();
    case 'RESERVE':
      applyReserve(state, entry.requestId, parseStoredRho(entry.rho), entry.owner);
      break;
    case 'COMMIT':
      if (!state.reserved.has(entry.requestId) || state.committed.has(entry.requestId)) corrupt();
      state.committed.set(entry.requestId, {
        releaseHash: entry.releaseHash,
        releaseBytes: entry.releaseBytes,
      });
      break;
    case 'REFUSED':
      // Refusals cost nothing; they are kept as an audit trail of attempts.
      parseStoredRho(entry.rho);
      break;
  }
  state.nextSeq += 1;
  state.lastHash = entry.hash;
}

function applyReserve(
  state: LedgerState,
  requestId: string,
  rho: Rational,
  owner: string | undefined,
): void {
  if (state.reserved.has(requestId)) corrupt();
  state.reserved.set(requestId, { rho, owner });
  state.spentRho = add(state.spentRho, rho);
  if (owner !== undefined) {
    state.ownerSpent.set(owner, add(state.ownerSpent.get(owner) ?? createRational(0n), rho));
  }
}
