import { CentileError } from '../../benchmark/errors.js';
import type { TaskBody } from '../../benchmark/protocol/task-body.js';
import { compare, parseRational } from '../../benchmark/privacy/rational.js';
import type { Rational } from '../../benchmark/privacy/rational.js';
import type { TaskGrant } from './run-task.js';

/**
 * What hospital IT allows, from the node config. The lifetime and per-owner
 * budgets are enforced by the ledger, where spending is recorded.
 */
export interface NodePolicy {
  /** Benchmark tasks with version, e.g. `growth.status/v1`. */
  readonly allowedTasks: readonly string[];
  /** Model owners allowed here; any owner when undefined. */
  readonly allowedOwners: readonly string[] | undefined;
  /** Largest ρ one request may spend. */
  readonly maxRhoPerRequest: Rational;
  /** Released subgroup cells with a smaller noisy count are suppressed. */
  readonly minCellSize: number;
  /** Whether releases state the dataset's remaining budget to the coordinator. */
  readonly publishBudget: boolean;
}

/**
 * Checks a verified task against the policy; returns what the task may
 * spend and how its release is shaped. A node without a policy refuses
 * everything (fail closed).
 */
export function checkPolicy(
  policy: NodePolicy | undefined,
  task: TaskBody,
  datasets: readonly string[],
): TaskGrant {
  if (policy === undefined) {
    throw new CentileError(
      'permission-denied',
      'PRIVACY_POLICY_MISSING',
      'this node has no privacy policy and runs no tasks',
    );
  }
  if (!policy.allowedTasks.includes(task.benchmark_task)) {
    throw new CentileError(
      'permission-denied',
      'TASK_NOT_ALLOWED',
      'this node does not run that benchmark task',
    );
  }
  if (policy.allowedOwners !== undefined && !policy.allowedOwners.includes(task.model.owner)) {
    throw new CentileError(
      'permission-denied',
      'OWNER_NOT_ALLOWED',
      "this node does not evaluate that owner's models",
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
  return { rho, minCellSize: policy.minCellSize, publishBudget: policy.publishBudget };
}
