/**
 * The one error type that crosses process boundaries. `code` is stable and
 * machine-readable; `message` is for the remote operator and never holds
 * paths, key material or data values. `cause` is kept for local logs only.
 */

/** Closed set of error kinds; each transport maps them once (gRPC status, HTTP status). */
export type ErrorKind =
  | 'invalid-input'
  | 'unauthenticated'
  | 'permission-denied'
  | 'not-found'
  | 'conflict'
  | 'resource-exhausted'
  | 'failed-precondition'
  | 'deadline-exceeded'
  | 'unavailable'
  | 'internal';

export class CentileError extends Error {
  override readonly name = 'CentileError';

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** True when `error` is a CentileError with the given code. */
export function hasCode(error: unknown, code: string): boolean {
  return error instanceof CentileError && error.code === code;
}
