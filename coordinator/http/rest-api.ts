import { createHash, timingSafeEqual } from 'node:crypto';
import express from 'express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { CentileError } from '../../benchmark/errors.js';
import { findTask } from '../../benchmark/tasks/task-catalog.js';
import type { LaunchDeps } from '../core/launch-round.js';
import { launchRound } from '../core/launch-round.js';
import { roundResults } from '../core/round-results.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import { errorMiddleware } from './http-errors.js';
import { parseLaunchRequest } from './parse-launch-request.js';

/** The owner of a model submitted with the operator credential and no owner named. */
export const DEFAULT_OWNER = 'operator';

export interface RestApiDeps extends LaunchDeps {
  readonly store: SqliteStore;
  readonly operatorToken: string;
  readonly maxModelBytes: number;
  readonly connectedNodeIds: () => string[];
  readonly log: Logger;
  /** `/healthz`, `/readyz`, `/metrics` (coordinator/ops): mounted before the token check. */
  readonly ops: express.Router;
}

/**
 * The operator REST API: models, rounds, results, nodes; every `/v1` route
 * needs the operator token. The ops routes come first and need none.
 */
export function createRestApi(deps: RestApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(deps.ops);
  app.use('/v1', requireOperator(deps.operatorToken));
  app.post('/v1/models', express.raw({ type: '*/*', limit: deps.maxModelBytes }), (req, res) => {
    res.status(201).json(submitModel(deps, req));
  });
  app.post('/v1/rounds', express.json(), (req, res, next) => {
    launchRound(deps, parseLaunchRequest(req.body))
      .then((round) => res.status(201).json(round))
      .catch(next);
  });
  app.get('/v1/rounds/:id', (req, res) => {
    const round = findRound(deps, req.params.id);
    const tasks = deps.store
      .tasksOfRound(round.id)
      .map(({ body: _b, signature: _s, ...task }) => task);
    res.json({ round, tasks });
  });
  app.get('/v1/rounds/:id/results', (req, res) => {
    res.json(roundResults(deps.store, findRound(deps, req.params.id)));
  });
  app.get('/v1/nodes', (_req, res) => {
    const connected = new Set(deps.connectedNodeIds());
    res.json(deps.store.listNodes().map((n) => ({ id: n.id, connected: connected.has(n.id) })));
  });
  app.use(errorMiddleware(deps.log));
  return app;
}

function submitModel(deps: RestApiDeps, req: Request): { digest: string; size_bytes: number } {
  const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const name = typeof req.query.name === 'string' ? req.query.name : '';
  const task = typeof req.query.task === 'string' ? req.query.task : '';
  const owner = typeof req.query.owner === 'string' ? req.query.owner : DEFAULT_OWNER;
  if (bytes.length === 0)
    throw new CentileError('invalid-input', 'MODEL_EMPTY', 'request body holds no model');
  if (!/^[\w.-]{1,64}$/.test(name))
    throw new CentileError(
      'invalid-input',
      'MODEL_NAME_INVALID',
      'model name must be 1-64 of [A-Za-z0-9_.-]',
    );
  if (!/^[\w.-]{1,64}$/.test(owner))
    throw new CentileError(
      'invalid-input',
      'MODEL_OWNER_INVALID',
      'model owner must be 1-64 of [A-Za-z0-9_.-]',
    );
  if (findTask(task) === undefined)
    throw new CentileError('invalid-input', 'TASK_UNKNOWN', 'unknown benchmark task');
  const digest = createHash('sha256').update(bytes).digest('hex');
  deps.store.insertModel(
    { digest, name, owner, benchmarkTask: task, sizeBytes: bytes.length },
    bytes,
    deps.clock.now(),
  );
  deps.log.info({ digest, task }, 'model submitted');
  return { digest, size_bytes: bytes.length };
}

function findRound(deps: RestApiDeps, id: string) {
  const round = deps.store.findRound(id);
  if (round === undefined) throw new CentileError('not-found', 'ROUND_NOT_FOUND', 'no such round');
  return round;
}

function requireOperator(token: string) {
  const expected = createHash('sha256').update(token).digest();
  return (req: Request, _res: Response, next: NextFunction): void => {
    const header = req.get('authorization') ?? '';
    const given = createHash('sha256')
      .update(header.replace(/^Bearer /, ''))
      .digest();
    // Hashing first gives equal lengths, so the comparison is constant-time.
    if (!header.startsWith('Bearer ') || !timingSafeEqual(given, expected)) {
      next(
        new CentileError(
          'unauthenticated',
          'OPERATOR_TOKEN_INVALID',
          'missing or wrong operator token',
        ),
      );
      return;
    }
    next();
  };
}
