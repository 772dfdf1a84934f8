/**
 * The per-dataset-lineage privacy-budget ledger on disk (privacy.md §8):
 *
 *   <dir>/ledger.jsonl            append-only, hash-chained canonical-JSON lines
 *   <dir>/releases/<id>.json      committed releases, written atomically
 *   <dir>/ledger.lock             pid of the one process allowed to write
 *
 * Order of a release: reserve (fsync) → read data, sample, build → commit
 * (release file, then COMMIT line). Reserved means spent, so a crash anywhere
 * after reserve never refunds budget. Any inconsistency refuses everything.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type {
  BudgetLedger,
  BudgetStatus,
  ReserveRequest,
} from '../../benchmark/privacy/budget-ledger.js';
import { privacyError } from '../../benchmark/privacy/privacy-errors.js';
import type { PrivacyErrorCode } from '../../benchmark/privacy/privacy-errors.js';
import {
  add,
  compare,
  createRational,
  formatRational,
  minRational,
  sub,
} from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import { appendDurably, fsyncDirectory, writeFileAtomically } from './durable-file.js';
import { sha256Hex } from '../../keys/sha256.js';
import { GENESIS_PREV_HASH, entryLine, sealEntry } from './ledger-entry.js';
import type { LedgerEntryBody } from './ledger-entry.js';
import { acquireLedgerLock } from './ledger-lock.js';
import type { ReleaseLock } from './ledger-lock.js';
import { applyEntry, initialState, replayLedger } from './ledger-state.js';
import type { LedgerState } from './ledger-state.js';

/** Options of `openBudgetLedger`. All amounts are zCDP ρ. */
export interface BudgetLedgerOptions {
  /** Directory holding this lineage's ledger; created on first use. */
  readonly dir: string;
  /** The dataset lineage (privacy population) this ledger accounts for. */
  readonly datasetLineage: string;
  /** Lifetime cap. Recorded at creation; later opens may lower it, never raise it. */
  readonly totalRho: Rational;
  /** Largest ρ a single request may reserve. */
  readonly maxRhoPerRequest?: Rational;
  /** Largest total ρ one model owner may reserve. */
  readonly maxRhoPerOwner?: Rational;
  /** Hash of the GENESIS entry as kept in the dataset registry: a missing or replaced ledger then fails closed. */
  readonly expectedGenesisHash?: string;
}

export const LEDGER_FILE = 'ledger.jsonl';
const LOCK_FILE = 'ledger.lock';
export const RELEASES_DIR = 'releases';
// Request ids name files: a leading alphanumeric rules out "." and "..", and "/" is excluded.
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function assertPositive(rho: Rational, what: string): void {
  const ok =
    typeof rho?.num === 'bigint' && typeof rho.den === 'bigint' && rho.den > 0n && rho.num > 0n;
  if (!ok) throw privacyError('INVALID_PRIVACY_PARAMETER', `${what} must be a positive rational`);
}

function assertRequestId(requestId: string): void {
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) {
    throw privacyError('INVALID_REQUEST_ID', 'request id must be 1-128 of [A-Za-z0-9._-]');
  }
}

/** The ledger fields describing a request; ρ as canonical "p/q". */
function requestFields(request: ReserveRequest): {
  requestId: string;
  rho: string;
  owner?: string;
} {
  const fields = { requestId: request.requestId, rho: formatRational(request.rho) };
  return request.owner === undefined ? fields : { ...fields, owner: request.owner };
}

/**
 * Opens (or creates) the ledger in `options.dir`: takes the lock, verifies
 * the whole chain and replays it. Throws `LEDGER_LOCKED`, `LEDGER_CORRUPT`,
 * `LEDGER_LINEAGE_MISMATCH` or `LEDGER_CAP_RAISED`; the lock is released on failure.
 */
export function openBudgetLedger(options: BudgetLedgerOptions): JsonlBudgetLedger {
  assertPositive(options.totalRho, 'totalRho');
  if (options.maxRhoPerRequest !== undefined)
    assertPositive(options.maxRhoPerRequest, 'maxRhoPerRequest');
  if (options.maxRhoPerOwner !== undefined)
    assertPositive(options.maxRhoPerOwner, 'maxRhoPerOwner');
  mkdirSync(join(options.dir, RELEASES_DIR), { recursive: true, mode: 0o700 });
  const releaseLock = acquireLedgerLock(join(options.dir, LOCK_FILE));
  try {
    const state = loadOrCreate(options);
    if (compare(options.totalRho, state.recordedTotalRho) > 0) {
      throw privacyError('LEDGER_CAP_RAISED', 'configured budget is above the registered cap');
    }
    const fd = openSync(join(options.dir, LEDGER_FILE), 'a');
    return new JsonlBudgetLedger(options, state, fd, releaseLock);
  } catch (error) {
    releaseLock();
    throw error;
  }
}

function loadOrCreate(options: BudgetLedgerOptions): LedgerState {
  const path = join(options.dir, LEDGER_FILE);
  if (!existsSync(path)) {
    // A missing ledger next to stored releases, or one the registry expects, was deleted: fail closed.
    const orphans = readdirSync(join(options.dir, RELEASES_DIR)).length > 0;
    if (orphans || options.expectedGenesisHash !== undefined) {
      throw privacyError('LEDGER_CORRUPT', 'budget ledger is missing');
    }
    return createLedger(options, path);
  }
  const state = replayLedger(readFileSync(path, 'utf8'), options.datasetLineage);
  if (
    options.expectedGenesisHash !== undefined &&
    state.genesisHash !== options.expectedGenesisHash
  ) {
    throw privacyError('LEDGER_CORRUPT', 'budget ledger does not match the registry');
  }
  return state;
}

function createLedger(options: BudgetLedgerOptions, path: string): LedgerState {
  const genesis = sealEntry({
    seq: 0,
    prevHash: GENESIS_PREV_HASH,
    datasetLineage: options.datasetLineage,
    createdAt: new Date().toISOString(),
    kind: 'GENESIS',
    totalRho: formatRational(options.totalRho),
  });
  writeFileAtomically(path, new TextEncoder().encode(`${entryLine(genesis)}\n`));
  // The directories may be new too: make their entries durable before any budget is spent.
  fsyncDirectory(join(options.dir, RELEASES_DIR));
  fsyncDirectory(options.dir);
  fsyncDirectory(dirname(options.dir));
  return initialState(genesis);
}

/** The ledger over `ledger.jsonl`; obtain one with `openBudgetLedger`. */
export class JsonlBudgetLedger implements BudgetLedger {
  // Set once anything goes wrong; every later call then refuses with this code.
  private failure: PrivacyErrorCode | undefined;

  constructor(
    private readonly options: BudgetLedgerOptions,
    private readonly state: LedgerState,
    private readonly fd: number,
    private readonly releaseLock: ReleaseLock,
  ) {}

  /** Hash of the GENESIS entry, to record in the dataset registry. */
  genesisHash(): string {
    this.assertUsable();
    return this.state.genesisHash;
  }

  reserve(request: ReserveRequest): void {
    this.assertUsable();
    assertRequestId(request.requestId);
    assertPositive(request.rho, 'rho');
    if (
      request.owner !== undefined &&
      (typeof request.owner !== 'string' || request.owner === '')
    ) {
      throw privacyError('INVALID_REQUEST_ID', 'owner must be a non-empty string');
    }
    if (this.state.reserved.has(request.requestId)) {
      throw privacyError('REQUEST_REPLAYED', 'request id was already used');
    }
    const refusal = this.refusalFor(request);
    if (refusal !== undefined) {
      this.append({ kind: 'REFUSED', ...requestFields(request), reason: refusal });
      throw privacyError(refusal, 'privacy budget does not allow this request');
    }
    this.append({ kind: 'RESERVE', ...requestFields(request) });
  }

  commit(requestId: string, releaseBytes: Uint8Array): void {
    this.assertUsable();
    assertRequestId(requestId);
    if (!this.state.reserved.has(requestId)) {
      throw privacyError('REQUEST_NOT_RESERVED', 'request holds no reservation');
    }
    if (this.state.committed.has(requestId)) {
      throw privacyError('REQUEST_ALREADY_COMMITTED', 'request was already committed');
    }
    const bytes = Uint8Array.from(releaseBytes);
    this.guardIo(() => writeFileAtomically(this.releasePath(requestId), bytes));
    const releaseHash = sha256Hex(bytes);
    this.append({ kind: 'COMMIT', requestId, releaseHash, releaseBytes: bytes.length });
  }

  findRelease(requestId: string): Uint8Array | undefined {
    this.assertUsable();
    assertRequestId(requestId);
    const committed = this.state.committed.get(requestId);
    if (committed === undefined) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(readFileSync(this.releasePath(requestId)));
    } catch (error) {
      return this.fail('LEDGER_CORRUPT', error);
    }
    // Serve only the exact bytes that were committed: a changed release is tampering.
    if (bytes.length !== committed.releaseBytes || sha256Hex(bytes) !== committed.releaseHash) {
      return this.fail('LEDGER_CORRUPT');
    }
    return bytes;
  }

  isReserved(requestId: string): boolean {
    this.assertUsable();
    return this.state.reserved.has(requestId);
  }

  status(): BudgetStatus {
    this.assertUsable();
    const totalRho = this.totalRho();
    const spentRho = this.state.spentRho;
    const left = sub(totalRho, spentRho);
    return { totalRho, spentRho, remainingRho: left.num > 0n ? left : createRational(0n) };
  }

  close(): void {
    if (this.failure === 'LEDGER_CLOSED') return;
    this.failure = 'LEDGER_CLOSED';
    try {
      closeSync(this.fd);
    } finally {
      this.releaseLock();
    }
  }

  private totalRho(): Rational {
    return minRational(this.options.totalRho, this.state.recordedTotalRho);
  }

  // Exact comparisons on rationals: with total 0.3 and cost 0.1, the third request fits.
  private refusalFor(request: ReserveRequest): PrivacyErrorCode | undefined {
    const { maxRhoPerRequest, maxRhoPerOwner } = this.options;
    if (maxRhoPerRequest !== undefined && compare(request.rho, maxRhoPerRequest) > 0) {
      return 'REQUEST_OVER_LIMIT';
    }
    if (request.owner !== undefined && maxRhoPerOwner !== undefined) {
      const ownerSpent = this.state.ownerSpent.get(request.owner) ?? createRational(0n);
      if (compare(add(ownerSpent, request.rho), maxRhoPerOwner) > 0)
        return 'OWNER_BUDGET_EXHAUSTED';
    }
    if (compare(add(this.state.spentRho, request.rho), this.totalRho()) > 0)
      return 'BUDGET_EXHAUSTED';
    return undefined;
  }

  /** Seals, fsyncs and only then applies an entry, so memory never runs ahead of disk. */
  private append(body: LedgerEntryBody): void {
    const entry = sealEntry({
      seq: this.state.nextSeq,
      prevHash: this.state.lastHash,
      datasetLineage: this.state.datasetLineage,
      createdAt: new Date().toISOString(),
      ...body,
    });
    this.guardIo(() => appendDurably(this.fd, `${entryLine(entry)}\n`));
    applyEntry(this.state, entry);
  }

  // A failed write leaves the file in an unknown state: refuse until an operator reopens it.
  private guardIo(write: () => void): void {
    try {
      write();
    } catch (error) {
      this.fail('LEDGER_IO_FAILED', error);
    }
  }

  private fail(code: PrivacyErrorCode, cause?: unknown): never {
    this.failure = code;
    throw privacyError(code, 'budget ledger refuses all requests', cause);
  }

  private assertUsable(): void {
    if (this.failure !== undefined)
      throw privacyError(this.failure, 'budget ledger refuses all requests');
  }

  private releasePath(requestId: string): string {
    return join(this.options.dir, RELEASES_DIR, `${requestId}.json`);
  }
}
