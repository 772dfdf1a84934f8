/**
 * The budget-ledger port (privacy.md §8). Core code reserves before it
 * touches data and commits the release after; the node adapter persists the
 * ledger. All amounts are exact zCDP ρ.
 */
import type { Rational } from './rational.js';

/** A request to spend ρ on one release. */
export interface ReserveRequest {
  /** Idempotency key of the release; also names its stored file. */
  readonly requestId: string;
  /** zCDP cost of the release, computed from the parameters the sampler uses. */
  readonly rho: Rational;
  /** Model owner charged against the optional per-owner sub-cap. */
  readonly owner?: string;
}

/** Budget of one dataset lineage. Spent counts every reservation, committed or not. */
export interface BudgetStatus {
  readonly totalRho: Rational;
  readonly spentRho: Rational;
  /** max(0, total − spent). */
  readonly remainingRho: Rational;
}

/** A persisted, per-dataset-lineage privacy budget. */
export interface BudgetLedger {
  /**
   * Durably reserves ρ for a new request, or appends a REFUSED entry and throws
   * `BUDGET_EXHAUSTED`, `REQUEST_OVER_LIMIT` or `OWNER_BUDGET_EXHAUSTED`.
   * A request id that was reserved before throws `REQUEST_REPLAYED`.
   * Returns only once the reservation is on disk.
   */
  reserve(request: ReserveRequest): void;
  /** Stores the release for a reserved request, then durably records its hash. */
  commit(requestId: string, releaseBytes: Uint8Array): void;
  /** The committed release byte-for-byte (hash-verified), or undefined. */
  findRelease(requestId: string): Uint8Array | undefined;
  /** True when the request holds a reservation (committed or not). */
  isReserved(requestId: string): boolean;
  /** The budget as it stands. */
  status(): BudgetStatus;
  /** Releases the ledger's lock; every later call throws `LEDGER_CLOSED`. */
  close(): void;
}
