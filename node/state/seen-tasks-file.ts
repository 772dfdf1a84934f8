import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { CentileError } from '../../benchmark/errors.js';
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
    const text = readFileSync(file, 'utf8');
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    // A torn last line is a remember() cut short: its task never ran, so it is dropped.
    if (complete.length < text.length) truncateSync(file, Buffer.byteLength(complete));
    complete.split('\n').forEach((line, i) => {
      if (line.trim() !== '') this.add(parseLine(line, i + 1));
    });
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
    this.add({ task_id: taskId, nonce });
  }

  private add({ task_id: taskId, nonce }: SeenLine): void {
    this.nonceByTask.set(taskId, nonce);
    this.nonces.add(nonce);
  }
}

interface SeenLine {
  readonly task_id: string;
  readonly nonce: string;
}

function parseLine(line: string, number: number): SeenLine {
  try {
    const value = JSON.parse(line) as Partial<SeenLine>;
    if (typeof value.task_id === 'string' && typeof value.nonce === 'string')
      return { task_id: value.task_id, nonce: value.nonce };
  } catch {
    // reported below
  }
  throw new CentileError(
    'internal',
    'SEEN_TASKS_CORRUPT',
    `seen-tasks.jsonl line ${number} is not a task record`,
  );
}
