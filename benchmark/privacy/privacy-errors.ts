/**
 * The catalogue of privacy error codes. Every privacy failure is a
 * `CentileError` built here, so each code has exactly one kind and transports
 * map them once. Messages are for the remote operator: never paths, budgets of
 * other requests, parameter values or data.
 */
import { CentileError } from '../errors.js';
import type { ErrorKind } from '../errors.js';

/** Stable privacy error codes and the kind each one always carries. */
export const PRIVACY_ERROR_KINDS = {
  /** Text or value that is not an exact rational of the required sign. */
  INVALID_RATIONAL: 'invalid-input',
  /** A privacy or noise parameter outside its domain (ρ ≤ 0, δ ∉ (0,1), p > 1 …). */
  INVALID_PRIVACY_PARAMETER: 'invalid-input',
  /** A release description whose ρ does not follow from its σ² and sensitivity. */
  INVALID_RELEASE_CLAIM: 'invalid-input',
  /** A request id that cannot safely name a release file. */
  INVALID_REQUEST_ID: 'invalid-input',
  /** The dataset's lifetime ρ cap would be exceeded. */
  BUDGET_EXHAUSTED: 'resource-exhausted',
  /** The request asks for more ρ than one request may spend. */
  REQUEST_OVER_LIMIT: 'resource-exhausted',
  /** The model owner's sub-cap would be exceeded. */
  OWNER_BUDGET_EXHAUSTED: 'resource-exhausted',
  /** The request id was already reserved: fresh noise would enable averaging. */
  REQUEST_REPLAYED: 'conflict',
  /** A commit for a request that holds no reservation. */
  REQUEST_NOT_RESERVED: 'failed-precondition',
  /** A second commit for the same request. */
  REQUEST_ALREADY_COMMITTED: 'conflict',
  /** The ledger or a stored release failed verification; every release is refused. */
  LEDGER_CORRUPT: 'failed-precondition',
  /** The ledger belongs to another dataset lineage. */
  LEDGER_LINEAGE_MISMATCH: 'failed-precondition',
  /** The configured cap is above the cap recorded at registration (caps only go down). */
  LEDGER_CAP_RAISED: 'failed-precondition',
  /** Another live process holds the ledger. */
  LEDGER_LOCKED: 'unavailable',
  /** The ledger was closed, or poisoned by an earlier write failure. */
  LEDGER_CLOSED: 'failed-precondition',
  /** A ledger write or fsync failed; the ledger refuses everything until reopened. */
  LEDGER_IO_FAILED: 'unavailable',
} as const satisfies Record<string, ErrorKind>;

/** A privacy error code. */
export type PrivacyErrorCode = keyof typeof PRIVACY_ERROR_KINDS;

/** Builds the `CentileError` for `code`, with the catalogue's kind. */
export function privacyError(
  code: PrivacyErrorCode,
  message: string,
  cause?: unknown,
): CentileError {
  const options = cause === undefined ? undefined : { cause };
  return new CentileError(PRIVACY_ERROR_KINDS[code], code, message, options);
}
