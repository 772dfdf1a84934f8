import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { SeenTasks } from '../core/ports.js';

/**
 * Every accepted task id and nonce, one JSON line each, fsync'd before the
 * task runs, so a replay is recognised even after a restart.
 */
export class SeenTasksFile implements SeenTasks {
  private readonly nonceByTask = new Map<string, string>();
  private readonly nonces = new Set<string>();

  constructor(private readonly file: string) {
    if (!existsSync(file)) return;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const { task_id: taskId, nonce } = JSON.parse(line) as { task_id: string; nonce: string };
      this.nonceByTask.set(taskId, nonce);
      this.nonces.add(nonce);
    }
  }

  check(taskId: string, nonce: string): 'new' | 'same' | 'replayed' {
    const known = this.nonceByTask.get(taskId);
    if (known === undefined) return this.nonces.has(nonce) ? 'replayed' : 'new';
    return known === nonce ? 'same' : 'replayed';
  }

  remember(taskId: string, nonce: string): void {
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify({ task_id: taskId, nonce })}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    this.nonceByTask.set(taskId, nonce);
    this.nonces.add(nonce);
  }
}
