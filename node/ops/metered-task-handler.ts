import type { Progress } from '../core/run-task.js';
import type { Signed } from '../core/ports.js';
import { TaskHandler } from '../core/task-handler.js';
import type { TaskHandlerDeps, TaskOutcome } from '../core/task-handler.js';

/**
 * A TaskHandler that reports each outcome (for the node's metrics) after the
 * task is handled, changing nothing else. A subclass because the federation
 * client takes a TaskHandler; `handle` never rejects, so neither does this.
 */
export class MeteredTaskHandler extends TaskHandler {
  constructor(
    deps: TaskHandlerDeps,
    private readonly onOutcome: (outcome: TaskOutcome) => void,
  ) {
    super(deps);
  }

  override async handle(
    signed: Signed,
    progress: (taskId: string) => Progress,
  ): Promise<TaskOutcome> {
    const outcome = await super.handle(signed, progress);
    this.onOutcome(outcome);
    return outcome;
  }
}
