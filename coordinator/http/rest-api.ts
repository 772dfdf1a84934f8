import express from 'express';
import type { Logger } from 'pino';
import type { LaunchDeps } from '../core/launch-round.js';
import { createDashboardRouter } from '../dashboard/dashboard-router.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import { authenticate } from './authenticate.js';
import { errorMiddleware } from './http-errors.js';
import { MODEL_ROUTES } from './model-routes.js';
import { PUBLIC_ROUTES } from './public-routes.js';
import { REPORT_ROUTES } from './report-routes.js';
import { ROUND_ROUTES } from './round-routes.js';
import type { Route } from './routes.js';
import { mountRoutes, openApiDocument } from './routes.js';

export interface RestApiDeps extends LaunchDeps {
  readonly store: SqliteStore;
  readonly operatorToken: string;
  readonly maxModelBytes: number;
  readonly connectedNodeIds: () => string[];
  readonly log: Logger;
  /** `/healthz`, `/readyz`, `/metrics` (coordinator/ops): mounted before the API. */
  readonly ops: express.Router;
}

/** Every API route, in the order they are documented. */
export const API_ROUTES: readonly Route<RestApiDeps>[] = [
  ...PUBLIC_ROUTES,
  ...MODEL_ROUTES,
  ...ROUND_ROUTES,
  ...REPORT_ROUTES,
];

/**
 * The REST API for operators (operator token) and model owners (signed
 * requests), with public routes for the catalog, published results and the
 * OpenAPI document; see routes.ts and authenticate.ts.
 */
export function createRestApi(deps: RestApiDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(deps.ops);
  const document = openApiDocument(API_ROUTES);
  app.get('/openapi.json', (_req, res) => res.json(document));
  app.use(createDashboardRouter());
  // Raw bytes for every body: an owner's signature covers exactly what was sent.
  app.use('/v1', express.raw({ type: () => true, limit: deps.maxModelBytes }));
  app.use('/v1', authenticate({ ...deps, now: () => deps.clock.now() }));
  mountRoutes(app, deps, API_ROUTES);
  app.use(errorMiddleware(deps.log));
  return app;
}
