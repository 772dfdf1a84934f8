/**
 * Polls a process's resident memory from outside it. The runner cannot
 * report its own while onnxruntime's synchronous `run()` holds its event
 * loop, which is exactly when a model allocates, so the node reads
 * `/proc/<pid>/status` (Linux). Where /proc is missing the guard is inert
 * and only the runner's V8 heap limit applies (see README).
 */
import { readFile } from 'node:fs/promises';

/** Interval between two reads, in ms: the RSS may overshoot by what a model allocates in it. */
export const MEMORY_POLL_MS = 50;

/**
 * Calls `onExceeded` (once) when the RSS of `pid` exceeds `maxBytes`;
 * returns a function that stops the polling. The timer is unref'd: it never
 * keeps the node alive on its own.
 */
export function watchMemory(pid: number, maxBytes: number, onExceeded: () => void): () => void {
  let reading = false;
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    clearInterval(timer);
  };
  const timer = setInterval(() => {
    if (reading) return;
    reading = true;
    void readRssBytes(pid).then((rss) => {
      reading = false;
      if (stopped || rss === undefined || rss <= maxBytes) return;
      stop();
      onExceeded();
    });
  }, MEMORY_POLL_MS);
  timer.unref();
  return stop;
}

/** Resident set size of `pid` in bytes; undefined when it cannot be read (no /proc, process gone). */
export async function readRssBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
    return kib === undefined ? undefined : Number(kib) * 1024;
  } catch {
    return undefined;
  }
}
