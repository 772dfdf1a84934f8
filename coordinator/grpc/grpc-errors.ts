import * as grpc from '@grpc/grpc-js';
import type { ErrorKind } from '../../benchmark/errors.js';
import { CentileError } from '../../benchmark/errors.js';

/** Metadata key carrying the stable error code to clients. */
export const ERROR_CODE_METADATA = 'centile-error-code';

const STATUS: Record<ErrorKind, grpc.status> = {
  'invalid-input': grpc.status.INVALID_ARGUMENT,
  unauthenticated: grpc.status.UNAUTHENTICATED,
  'permission-denied': grpc.status.PERMISSION_DENIED,
  'not-found': grpc.status.NOT_FOUND,
  conflict: grpc.status.ALREADY_EXISTS,
  'resource-exhausted': grpc.status.RESOURCE_EXHAUSTED,
  'failed-precondition': grpc.status.FAILED_PRECONDITION,
  'deadline-exceeded': grpc.status.DEADLINE_EXCEEDED,
  unavailable: grpc.status.UNAVAILABLE,
  internal: grpc.status.INTERNAL,
};

/**
 * The one mapping from domain errors to gRPC status. Unknown errors become
 * INTERNAL with a fixed message: a raw Error's text never reaches a client.
 */
export function toServiceError(error: unknown): Partial<grpc.StatusObject> {
  const metadata = new grpc.Metadata();
  if (error instanceof CentileError) {
    metadata.set(ERROR_CODE_METADATA, error.code);
    return { code: STATUS[error.kind], details: error.message, metadata };
  }
  metadata.set(ERROR_CODE_METADATA, 'INTERNAL');
  return { code: grpc.status.INTERNAL, details: 'internal error', metadata };
}
