import { CentileError } from '../../benchmark/errors.js';
import { parseGaussianRelease } from '../../benchmark/privacy/gaussian-release.js';
import { compare, parseRational } from '../../benchmark/privacy/rational.js';
import { decodeReleaseBody } from '../../benchmark/protocol/release-body.js';
import { requireTask } from '../../benchmark/tasks/task-catalog.js';
import { taskKey } from '../../benchmark/tasks/task-definition.js';
import { releaseBlocks } from '../../benchmark/tasks/release-blocks.js';
import { releaseCellCount, releaseSensitivitySquared } from '../../benchmark/tasks/task-release.js';
import { decodeTaskBody } from '../../benchmark/protocol/task-body.js';
import type { Clock, CoordinatorStore, SignatureVerifier } from './ports.js';
import { settleRound } from './settle-round.js';

export interface AcceptReleaseDeps {
  readonly store: CoordinatorStore;
  readonly verifier: SignatureVerifier;
  readonly clock: Clock;
}

/**
 * Verifies and stores a release from an authenticated node. The signature is
 * checked against the node's enrolled key over the exact bytes received, and
 * the body must answer a task this node was given, for the same model and
 * benchmark task, with statistics in that task's layout, and with a privacy
 * claim that is internally consistent (ρ = Δ₂²/2σ²), uses the task's
 * sensitivity and spends exactly the ρ asked for, before anything is stored.
 */
export async function acceptRelease(
  deps: AcceptReleaseDeps,
  nodeId: string,
  body: Uint8Array,
  signature: Uint8Array,
): Promise<void> {
  const node = deps.store.findNode(nodeId);
  if (node === undefined)
    throw new CentileError('unauthenticated', 'NODE_NOT_FOUND', 'unknown node');
  if (!(await deps.verifier.verify(body, signature, node.signPublicKey))) {
    throw new CentileError(
      'unauthenticated',
      'RELEASE_BAD_SIGNATURE',
      'release signature does not verify',
    );
  }
  const release = decodeReleaseBody(body);
  const task = deps.store.findTask(release.task_id);
  if (task === undefined || task.nodeId !== nodeId) {
    throw new CentileError(
      'permission-denied',
      'RELEASE_UNKNOWN_TASK',
      'release answers no task of this node',
    );
  }
  const taskBody = decodeTaskBody(task.body);
  const definition = requireTask(taskBody.benchmark_task);
  const claim = parseGaussianRelease({
    ...release.privacy,
    l2SensitivitySquared: release.privacy.l2_sensitivity_squared,
  });
  if (
    claim.l2SensitivitySquared !== releaseSensitivitySquared(definition) ||
    release.statistics.layout !== taskKey(definition) ||
    release.statistics.cells.length !== releaseCellCount(definition) ||
    !validBlocks(release.statistics.suppressed, releaseBlocks(definition).length) ||
    compare(claim.rho, parseRational(taskBody.privacy.rho)) !== 0 ||
    release.node_id !== nodeId ||
    release.round_id !== task.roundId ||
    release.model_digest !== taskBody.model.digest ||
    release.benchmark_task !== taskBody.benchmark_task
  ) {
    throw new CentileError('invalid-input', 'RELEASE_MISMATCH', 'release does not match its task');
  }
  const now = deps.clock.now();
  deps.store.transaction(() => {
    deps.store.insertRelease(
      { taskId: task.id, roundId: task.roundId, nodeId, body, signature },
      now,
    );
    deps.store.updateTask(task.id, 'done', 1, null, now);
  });
  settleRound(deps.store, task.roundId, now);
}

/** Suppressed block indices: each a block of the layout, listed once, ascending. */
function validBlocks(indices: readonly number[], blocks: number): boolean {
  return indices.every(
    (block, i) => block >= 0 && block < blocks && (i === 0 || block > (indices[i - 1] as number)),
  );
}
