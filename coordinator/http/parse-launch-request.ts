import { CentileError } from '../../benchmark/errors.js';
import { asObject, readString } from '../../benchmark/protocol/fields.js';
import type { LaunchRoundRequest } from '../core/launch-round.js';

const CODE = 'ROUND_REQUEST_INVALID';
const MAX_DEADLINE_SECONDS = 7 * 24 * 3600;

/** JSON body of POST /v1/rounds → a launch request, or a coded error naming the field. */
export function parseLaunchRequest(json: unknown): LaunchRoundRequest {
  const obj = asObject(json, CODE);
  const deadline = obj.deadline_seconds ?? 600;
  if (typeof deadline !== 'number' || !(deadline > 0 && deadline <= MAX_DEADLINE_SECONDS)) {
    throw new CentileError(
      'invalid-input',
      CODE,
      "field 'deadline_seconds' must be in (0, 604800]",
    );
  }
  const nodes = obj.nodes;
  if (nodes !== undefined && !(Array.isArray(nodes) && nodes.every((n) => typeof n === 'string'))) {
    throw new CentileError('invalid-input', CODE, "field 'nodes' must be a list of node ids");
  }
  const quorum = obj.quorum;
  if (
    quorum !== undefined &&
    !(typeof quorum === 'number' && Number.isInteger(quorum) && quorum > 0)
  ) {
    throw new CentileError('invalid-input', CODE, "field 'quorum' must be a positive integer");
  }
  return {
    modelDigest: readString(obj, 'model_digest', CODE),
    rho: readString(obj, 'rho', CODE),
    dataset: typeof obj.dataset === 'string' ? obj.dataset : 'default',
    deadlineMs: Math.round(deadline * 1000),
    ...(nodes === undefined ? {} : { nodeIds: nodes }),
    ...(quorum === undefined ? {} : { quorum }),
  };
}
