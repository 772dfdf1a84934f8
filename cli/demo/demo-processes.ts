import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CentileError } from '../../benchmark/errors.js';

/** The demo's child processes: the coordinator and the nodes, each logging to its own file. */
export class DemoProcesses {
  private readonly children: ChildProcess[] = [];

  /** Starts `centile <args>` as a separate process with the same Node and loader flags. */
  start(args: string[], logFile: string): ChildProcess {
    const log = openSync(logFile, 'a');
    const script = process.argv[1] ?? '';
    const child = spawn(process.execPath, [...process.execArgv, script, ...args], {
      stdio: ['ignore', log, log],
      env: { ...process.env, CENTILE_LOG_LEVEL: process.env.CENTILE_LOG_LEVEL ?? 'info' },
    });
    this.children.push(child);
    return child;
  }

  /** SIGTERM to every child, then SIGKILL to any still running after `graceMs`. */
  async stopAll(graceMs = 5000): Promise<void> {
    const running = this.children.filter((c) => c.exitCode === null && c.signalCode === null);
    await Promise.all(
      running.map(
        (child) =>
          new Promise<void>((resolve) => {
            const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
            child.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }
}

/** Waits for a JSON file a child writes once it is ready; fails early if the child dies. */
export async function waitForJsonFile<T>(
  file: string,
  child: ChildProcess,
  logFile: string,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T;
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  throw new CentileError(
    'unavailable',
    'DEMO_START_FAILED',
    `a demo process did not start; see ${path.basename(logFile)} in the demo logs`,
  );
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
