/** The catalog, the enrolled nodes (for sealing models to them) and the leaderboard. */
import { TASK_CATALOG } from '../../benchmark/tasks/task-catalog.js';
import { taskKey } from '../../benchmark/tasks/task-definition.js';
import { leaderboard } from '../core/leaderboard.js';
import type { RestApiDeps } from './rest-api.js';
import type { Route } from './routes.js';

export const PUBLIC_ROUTES: readonly Route<RestApiDeps>[] = [
  {
    method: 'get',
    path: '/v1/tasks',
    summary: 'The benchmark task catalog (see `centile tasks show` for each contract)',
    roles: ['public', 'operator', 'owner'],
    handle: () =>
      TASK_CATALOG.map((task) => ({ id: taskKey(task), title: task.title, kind: task.kind })),
  },
  {
    method: 'get',
    path: '/v1/nodes',
    summary:
      "Enrolled nodes, their public keys (owners seal models to them) and whether they're connected",
    roles: ['operator', 'owner'],
    handle: ({ deps }) => {
      const connected = new Set(deps.connectedNodeIds());
      return deps.store.listNodes().map((n) => ({
        id: n.id,
        sign_public_key: n.signPublicKey,
        box_public_key: n.boxPublicKey,
        connected: connected.has(n.id),
      }));
    },
  },
  {
    method: 'get',
    path: '/v1/leaderboard',
    summary: 'Published results, best first per task (?task=growth.status/v1 for one task)',
    roles: ['public', 'operator', 'owner'],
    handle: ({ deps, req }) =>
      leaderboard(deps.store, typeof req.query.task === 'string' ? req.query.task : undefined),
  },
];
