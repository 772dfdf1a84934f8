/**
 * What the dashboard's charts need beyond a round's results: the pooled ROC
 * curves, calibration bins and error histograms. Visible to whoever may see
 * the round's results (its owner, the operator, everyone once published).
 */
import { roundCurves } from '../core/round-curves.js';
import type { RestApiDeps } from './rest-api.js';
import { visibleRound } from './round-routes.js';
import type { Route } from './routes.js';
import { param } from './routes.js';

export const REPORT_ROUTES: readonly Route<RestApiDeps>[] = [
  {
    method: 'get',
    path: '/v1/rounds/:id/curves',
    summary:
      'Pooled ROC curves and calibration bins (binary tasks) or error histograms (regression ' +
      'tasks) of a round, from the summed noisy statistics (public once published)',
    roles: ['operator', 'owner', 'public'],
    handle: ({ deps, req, principal }) =>
      roundCurves(deps.store, visibleRound(deps, param(req, 'id'), principal)),
  },
];
