/**
 * Makes the runner die with the node. When the node exits, the runner's IPC
 * channel closes and an idle runner exits on its own; but a runner inside a
 * long native `run()` never returns to its event loop to notice, and would
 * burn a core until the model finished. A worker thread keeps its own event
 * loop, so it can watch for the parent to change (the orphan is re-parented)
 * and SIGKILL its own process. It runs no onnxruntime code, so killing the
 * process from it is safe.
 */
import { Worker } from 'node:worker_threads';

// Plain JavaScript evaluated in the worker: no loader is needed to start it.
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
setInterval(() => {
  if (process.ppid !== workerData.parentPid) process.kill(process.pid, 'SIGKILL');
}, workerData.intervalMs);
`;

/** Starts the watchdog; it never keeps the process alive on its own. */
export function watchParent(intervalMs = 500): void {
  const worker = new Worker(WATCHDOG, {
    eval: true,
    workerData: { parentPid: process.ppid, intervalMs },
  });
  worker.unref();
}
