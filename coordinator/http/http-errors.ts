import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ErrorKind } from '../../benchmark/errors.js';
import { CentileError } from '../../benchmark/errors.js';

const STATUS: Record<ErrorKind, number> = {
  'invalid-input': 400,
  unauthenticated: 401,
  'permission-denied': 403,
  'not-found': 404,
  conflict: 409,
  'resource-exhausted': 429,
  'failed-precondition': 412,
  'deadline-exceeded': 504,
  unavailable: 503,
  internal: 500,
};

/**
 * The one final error middleware (Express's default would send stack traces).
 * Bodies are `{error: {code, message}}`; unknown errors get a fixed message.
 */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof CentileError) {
      res.status(STATUS[error.kind]).json({ error: { code: error.code, message: error.message } });
      return;
    }
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(status).json({ error: { code: 'BAD_REQUEST', message: 'malformed request' } });
      return;
    }
    log.error({ err: error }, 'http request failed');
    res.status(500).json({ error: { code: 'INTERNAL', message: 'internal error' } });
  };
}
