import { CentileError } from '../../benchmark/errors.js';
import type { TaskBody } from '../../benchmark/protocol/task-body.js';
import { compare, parseRational } from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';

/** What hospital IT allows, from the node config. */
export interface NodePolicy {
  /** Benchmark tasks with version, e.g. `growth.status/v1`. */
  readonly allowedTasks: readonly string[];
  /** Lifetime ρ per dataset (enforced by the ledger). */
  readonly totalRho: Rational;
  /** Largest ρ one request may spend. */
  readonly maxRhoPerRequest: Rational;
}

/** Checks a verified task against the policy; returns the ρ to charge. */
export function checkPolicy(
  policy: NodePolicy,
  task: TaskBody,
  datasets: readonly string[],
): Rational {
  if (!policy.allowedTasks.includes(task.benchmark_task)) {
    throw new CentileError(
      'permission-denied',
      'TASK_NOT_ALLOWED',
      'this node does not run that benchmark task',
    );
  }
  if (!datasets.includes(task.dataset)) {
    throw new CentileError('not-found', 'DATASET_UNKNOWN', 'this node has no dataset of that name');
  }
  let rho: Rational;
  try {
    rho = parseRational(task.privacy.rho);
  } catch {
    throw new CentileError(
      'invalid-input',
      'INVALID_RHO',
      'task privacy rho is not an exact positive number',
    );
  }
  if (rho.num <= 0n)
    throw new CentileError('invalid-input', 'INVALID_RHO', 'task privacy rho must be positive');
  if (compare(rho, policy.maxRhoPerRequest) > 0) {
    throw new CentileError(
      'permission-denied',
      'REQUEST_OVER_LIMIT',
      "requested rho exceeds this node's per-request limit",
    );
  }
  return rho;
}
