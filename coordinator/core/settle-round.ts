import type { CoordinatorStore } from './ports.js';
import type { TaskRecord } from './records.js';

const OPEN: ReadonlySet<TaskRecord['state']> = new Set(['pending', 'running']);

/**
 * Ends a round once no task is open any more, or at its deadline (open tasks
 * become `timed_out`, or `offline` when `isConnected` says their node is
 * not connected). A round whose finished sites reach the quorum is
 * `complete`, otherwise `failed`: it never hangs. Without `isConnected` (a
 * site's own update) only the first applies: the deadline is the timer's,
 * which knows which nodes are connected.
 */
export function settleRound(
  store: CoordinatorStore,
  roundId: string,
  now: number,
  isConnected?: (nodeId: string) => boolean,
): void {
  const round = store.findRound(roundId);
  if (round === undefined || round.state !== 'running') return;
  let tasks = store.tasksOfRound(roundId);
  const pastDeadline = isConnected !== undefined && now >= round.deadlineAt;
  if (!pastDeadline && tasks.some((t) => OPEN.has(t.state))) return;
  store.transaction(() => {
    if (pastDeadline) {
      for (const t of tasks) {
        if (!OPEN.has(t.state)) continue;
        if (isConnected?.(t.nodeId) === true)
          store.updateTask(t.id, 'timed_out', t.progress, 'DEADLINE_EXCEEDED', now);
        else store.updateTask(t.id, 'offline', t.progress, 'NODE_OFFLINE', now);
      }
      tasks = store.tasksOfRound(roundId);
    }
    const done = tasks.filter((t) => t.state === 'done').length;
    store.setRoundState(roundId, done >= round.quorum ? 'complete' : 'failed');
  });
}

/** Settles every running round; called on a timer. */
export function settleAllRounds(
  store: CoordinatorStore,
  now: number,
  isConnected: (nodeId: string) => boolean,
): void {
  for (const round of store.listRounds('running')) settleRound(store, round.id, now, isConnected);
}
