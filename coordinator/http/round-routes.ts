/**
 * Rounds and their results. Results belong to the model's owner: the owner
 * and the operator see them; everyone else only once the owner publishes
 * them to the leaderboard.
 */
import { CentileError } from '../../benchmark/errors.js';
import { compareRounds } from '../core/compare-rounds.js';
import { launchRound } from '../core/launch-round.js';
import type { RoundRecord } from '../core/records.js';
import { roundResults } from '../core/round-results.js';
import type { Principal } from './authenticate.js';
import { ownsModel } from './model-routes.js';
import { parseLaunchRequest } from './parse-launch-request.js';
import type { RestApiDeps } from './rest-api.js';
import type { Route } from './routes.js';
import { jsonBody, param } from './routes.js';

export const ROUND_ROUTES: readonly Route<RestApiDeps>[] = [
  {
    method: 'post',
    path: '/v1/rounds',
    summary: 'Launch an evaluation round of a model (its owner, or the operator)',
    roles: ['operator', 'owner'],
    body: 'json',
    status: 201,
    handle: ({ deps, principal, body }) => {
      const request = parseLaunchRequest(jsonBody(body));
      const model = deps.store.findModel(request.modelDigest);
      if (model !== undefined && principal.role === 'owner' && !ownsModel(principal, model)) {
        throw notYours();
      }
      return launchRound(deps, request);
    },
  },
  {
    method: 'get',
    path: '/v1/rounds',
    summary:
      'Rounds the caller may see (all for the operator, own models for an owner, published ones for anyone), newest first',
    roles: ['operator', 'owner', 'public'],
    handle: ({ deps, principal }) =>
      deps.store
        .listRounds()
        .filter((round) => canSee(deps, round, principal))
        .reverse(),
  },
  {
    method: 'get',
    path: '/v1/rounds/:id',
    summary: "A round and its sites' states and progress",
    roles: ['operator', 'owner'],
    handle: ({ deps, req, principal }) => {
      const round = visibleRound(deps, param(req, 'id'), principal);
      const tasks = deps.store
        .tasksOfRound(round.id)
        .map(({ body: _b, signature: _s, ...task }) => task);
      return { round, tasks };
    },
  },
  {
    method: 'get',
    path: '/v1/rounds/:id/results',
    summary: 'Cross-site results of a round (public once published)',
    roles: ['operator', 'owner', 'public'],
    handle: ({ deps, req, principal }) =>
      roundResults(deps.store, visibleRound(deps, param(req, 'id'), principal)),
  },
  {
    method: 'post',
    path: '/v1/rounds/:id/publish',
    summary: "Publish a round's results to the leaderboard (the model's owner)",
    roles: ['owner'],
    handle: ({ deps, req, principal }) => {
      const round = visibleRound(deps, param(req, 'id'), principal);
      const model = deps.store.findModel(round.modelDigest);
      if (model === undefined || !ownsModel(principal, model)) throw notYours();
      if (round.state !== 'complete') {
        throw new CentileError(
          'failed-precondition',
          'ROUND_NOT_COMPLETE',
          'only complete rounds are published',
        );
      }
      deps.store.publishRound(round.id, deps.clock.now());
      return deps.store.findRound(round.id);
    },
  },
  {
    method: 'get',
    path: '/v1/compare',
    summary:
      'Paired comparison of two rounds of one task (?a=ROUND&b=ROUND): A − B with 95% intervals',
    roles: ['operator', 'owner', 'public'],
    handle: ({ deps, req, principal }) => {
      const id = (key: string) => (typeof req.query[key] === 'string' ? req.query[key] : '');
      return compareRounds(
        deps.store,
        visibleRound(deps, id('a'), principal),
        visibleRound(deps, id('b'), principal),
      );
    },
  },
];

/** The round if `principal` may see it; not-found otherwise, so private rounds stay unseen. */
export function visibleRound(deps: RestApiDeps, id: string, principal: Principal): RoundRecord {
  const round = deps.store.findRound(id);
  if (round === undefined || !canSee(deps, round, principal)) {
    throw new CentileError('not-found', 'ROUND_NOT_FOUND', 'no such round');
  }
  return round;
}

/** The operator sees every round, an owner its models' rounds, anyone the published ones. */
function canSee(deps: RestApiDeps, round: RoundRecord, principal: Principal): boolean {
  if (principal.role === 'operator' || round.publishedAt !== null) return true;
  const model = deps.store.findModel(round.modelDigest);
  return model !== undefined && ownsModel(principal, model);
}

function notYours(): CentileError {
  return new CentileError('permission-denied', 'MODEL_NOT_YOURS', 'you do not own this model');
}
