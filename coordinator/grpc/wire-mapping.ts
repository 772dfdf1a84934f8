import type { TaskUpdate__Output } from '../../proto/gen/centile/v1/TaskUpdate.js';
import type { TaskUpdate } from '../core/record-task-update.js';

const STATES: Record<string, TaskUpdate['state'] | undefined> = {
  TASK_STATE_ACCEPTED: 'accepted',
  TASK_STATE_RUNNING: 'running',
  TASK_STATE_REFUSED: 'refused',
  TASK_STATE_FAILED: 'failed',
};

/** Wire task update → core update; an unknown state reads as a failure. */
export function toTaskUpdate(update: TaskUpdate__Output): TaskUpdate {
  return {
    taskId: update.task_id,
    state: STATES[update.state] ?? 'failed',
    progress: Number.isFinite(update.progress) ? update.progress : 0,
    errorCode: update.error_code.slice(0, 64),
  };
}
