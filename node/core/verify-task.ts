import { CentileError } from '../../benchmark/errors.js';
import type { TaskBody } from '../../benchmark/protocol/task-body.js';
import { decodeTaskBody } from '../../benchmark/protocol/task-body.js';
import type { CoordinatorVerifier, SeenTasks, Signed } from './ports.js';

export interface VerifyTaskDeps {
  readonly nodeId: string;
  readonly verifier: CoordinatorVerifier;
  readonly seen: SeenTasks;
  readonly now: number;
  /** Tolerated clock difference for `issued_at_ms` in the future. */
  readonly maxClockSkewMs: number;
}

/** A task that passed every check; `repeat` when this exact task was seen before. */
export interface VerifiedTask {
  readonly task: TaskBody;
  readonly repeat: boolean;
}

function refuse(
  kind: 'unauthenticated' | 'permission-denied' | 'deadline-exceeded' | 'conflict',
  code: string,
  message: string,
): CentileError {
  return new CentileError(kind, code, message);
}

/**
 * The node's gate: only tasks signed by the pinned coordinator key, addressed
 * to this node, inside their validity window and not replayed get through.
 * The signature is checked first, over the exact bytes, before the body is
 * even parsed.
 */
export async function verifyTask(deps: VerifyTaskDeps, signed: Signed): Promise<VerifiedTask> {
  if (signed.signature.length === 0)
    throw refuse('unauthenticated', 'TASK_UNSIGNED', 'task carries no signature');
  if (!(await deps.verifier.verify(signed))) {
    throw refuse(
      'unauthenticated',
      'TASK_BAD_SIGNATURE',
      'task is not signed by the pinned coordinator key',
    );
  }
  const task = decodeTaskBody(signed.body);
  if (task.node_id !== deps.nodeId)
    throw refuse('permission-denied', 'TASK_WRONG_NODE', 'task is addressed to another node');
  if (task.deadline_ms <= deps.now)
    throw refuse('deadline-exceeded', 'TASK_EXPIRED', 'task deadline has passed');
  if (task.issued_at_ms > deps.now + deps.maxClockSkewMs) {
    throw refuse('permission-denied', 'TASK_NOT_YET_VALID', 'task is issued in the future');
  }
  const seen = deps.seen.check(task.task_id, task.nonce);
  if (seen === 'replayed')
    throw refuse('conflict', 'TASK_REPLAYED', 'task id or nonce was already used');
  if (seen === 'new') deps.seen.remember(task.task_id, task.nonce);
  return { task, repeat: seen === 'same' };
}
