import { CentileError } from '../../benchmark/errors.js';
import type { NodePolicy } from './node-policy.js';
import { checkPolicy } from './node-policy.js';
import type { CoordinatorVerifier, SeenTasks, Signed } from './ports.js';
import type { Progress, RunTaskDeps } from './run-task.js';
import { runTask } from './run-task.js';
import { verifyTask } from './verify-task.js';

/** What became of one task message. */
export type TaskOutcome =
  | { readonly kind: 'release'; readonly taskId: string; readonly release: Signed }
  | {
      readonly kind: 'refused' | 'failed';
      readonly taskId: string;
      readonly code: string;
      readonly message: string;
    }
  | { readonly kind: 'ignored' };

export interface TaskHandlerDeps extends RunTaskDeps {
  /** The site's policy; none means every task is refused. */
  readonly policy: NodePolicy | undefined;
  readonly verifier: CoordinatorVerifier;
  readonly seen: SeenTasks;
  readonly maxClockSkewMs: number;
  /** Full details of an unexpected error, for the local log only. */
  readonly logUnexpected: (error: unknown) => void;
}

/**
 * Turns a signed task into a release or an honest refusal. Errors before the
 * budget is reserved are refusals (nothing was spent); after it, failures.
 * A task seen before returns its stored release unchanged — new noise for the
 * same request would let repeated asks average it away — a copy that arrives
 * while the original runs is ignored, and one whose first run stopped before
 * reserving runs again.
 */
export class TaskHandler {
  private readonly inFlight = new Set<string>();

  constructor(private readonly deps: TaskHandlerDeps) {}

  async handle(signed: Signed, progress: (taskId: string) => Progress): Promise<TaskOutcome> {
    let taskId = '';
    let owned = false;
    let reserved = false;
    try {
      const { task, repeat } = await verifyTask({ ...this.deps, now: this.deps.now() }, signed);
      taskId = task.task_id;
      if (this.inFlight.has(taskId)) return { kind: 'ignored' };
      const ledger = this.deps.ledger(task.dataset);
      const stored = repeat ? ledger.findRelease(taskId) : undefined;
      if (stored !== undefined) return { kind: 'release', taskId, release: stored };
      // Reserved without a release: the budget is spent and the noise may have been drawn, so
      // never again. A repeat that never got that far (say the model download broke when the
      // coordinator went down) spent and drew nothing, and runs as if new.
      if (ledger.isReserved(taskId)) {
        throw new CentileError(
          'conflict',
          'TASK_REPLAYED',
          'task was already run and its budget spent',
        );
      }
      const grant = checkPolicy(this.deps.policy, task, this.deps.cohorts.names());
      this.inFlight.add(taskId);
      owned = true;
      const report = progress(taskId);
      const release = await runTask(this.deps, task, grant, (stage, fraction) => {
        if (stage === 'reserved') reserved = true;
        report(stage, fraction);
      });
      return { kind: 'release', taskId, release };
    } catch (error) {
      if (!(error instanceof CentileError)) this.deps.logUnexpected(error);
      const { code, message } = describe(error);
      return { kind: reserved ? 'failed' : 'refused', taskId, code, message };
    } finally {
      if (owned) this.inFlight.delete(taskId);
    }
  }
}

function describe(error: unknown): { code: string; message: string } {
  if (error instanceof CentileError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL', message: 'internal error' };
}
