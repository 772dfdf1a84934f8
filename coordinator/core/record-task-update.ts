import type { CoordinatorStore } from './ports.js';
import type { TaskState } from './records.js';
import { settleRound } from './settle-round.js';

/** A node's report on one task, mapped from the wire by the gRPC adapter. */
export interface TaskUpdate {
  readonly taskId: string;
  readonly state: 'accepted' | 'running' | 'refused' | 'failed';
  readonly progress: number;
  readonly errorCode: string;
}

const STATE: Record<TaskUpdate['state'], TaskState> = {
  accepted: 'running',
  running: 'running',
  refused: 'refused',
  failed: 'failed',
};

/** Records progress or a refusal honestly; ignores updates for other nodes' tasks. */
export function recordTaskUpdate(
  store: CoordinatorStore,
  nodeId: string,
  update: TaskUpdate,
  now: number,
): void {
  const task = store.findTask(update.taskId);
  if (task === undefined || task.nodeId !== nodeId) return;
  if (task.state !== 'pending' && task.state !== 'running') return;
  const progress = Math.min(1, Math.max(0, update.progress));
  const errorCode = update.errorCode === '' ? null : update.errorCode;
  store.updateTask(task.id, STATE[update.state], progress, errorCode, now);
  settleRound(store, task.roundId, now);
}
