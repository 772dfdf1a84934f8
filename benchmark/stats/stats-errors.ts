/**
 * The catalogue of error codes of the cross-site statistics. Every failure
 * here is a `CentileError` built by `statsError`, so each code has exactly one
 * kind. Messages never hold data values: results may be private to a model
 * owner until published.
 */
import { CentileError } from '../errors.js';
import type { ErrorKind } from '../errors.js';

/** Stable statistics error codes and the kind each one always carries. */
export const STATS_ERROR_KINDS = {
  /** Empty, mismatched, non-finite or out-of-domain input (k = 0, NaN, p ∉ (0, 1) …). */
  STATS_INPUT_INVALID: 'invalid-input',
  /**
   * A study variance ≤ 0 given to a meta-analysis: its inverse-variance weight
   * would be infinite. Only exact (noise-free) counts with a degenerate
   * metric (AUROC of 0 or 1, every error in one bin) produce one.
   */
  STATS_VARIANCE_NOT_POSITIVE: 'invalid-input',
} as const satisfies Record<string, ErrorKind>;

/** A statistics error code. */
export type StatsErrorCode = keyof typeof STATS_ERROR_KINDS;

/** Builds the `CentileError` for `code`, with the catalogue's kind. */
export function statsError(code: StatsErrorCode, message: string): CentileError {
  return new CentileError(STATS_ERROR_KINDS[code], code, message);
}
