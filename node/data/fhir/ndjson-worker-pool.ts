/**
 * Worker threads parsing NDJSON ranges ahead of the reader. Ranges are
 * handed out in file order and at most a few ahead of the one being read,
 * so buffered readings stay bounded however large the export is. A failing
 * or vanished worker fails the whole read (the export is then not trusted
 * half-read).
 */
import type { Worker } from 'node:worker_threads';
import { resolveWorkerUrl } from '../../workers/resolve-worker-url.js';
import { spawnWorker } from '../../workers/spawn-worker.js';
import { decodeNdjsonBatch } from './ndjson-batch-codec.js';
import type { NdjsonParser } from './ndjson-parser.js';
import type { NdjsonRange } from './ndjson-range.js';
import type { NdjsonRangeMessage, NdjsonRangeRequest } from './ndjson-worker.js';
import type { NdjsonLine } from './parse-ndjson-range.js';

/** Ranges parsed ahead of the one being read, per worker. */
const AHEAD_PER_WORKER = 2;

interface RangeResult {
  readonly batches: NdjsonLine[][];
  done: boolean;
}

/** See the file comment. */
export class NdjsonWorkerPool implements NdjsonParser {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly results: RangeResult[];
  private nextToSend = 0;
  private reading = 0;
  /** Ranges the caller parses itself (see `claim`): never sent. */
  private readonly claimed = new Set<number>();
  private failure: Error | undefined;
  private closing = false;
  private wake: (() => void) | undefined;

  /** Starts the workers; with `dispatchNow` false, nothing is sent before the first `claim` or `batches`. */
  constructor(
    private readonly ranges: readonly NdjsonRange[],
    workerCount: number,
    dispatchNow = true,
  ) {
    this.results = ranges.map(() => ({ batches: [], done: false }));
    const url = resolveWorkerUrl(import.meta.url, 'ndjson-worker', 'DATA_READ_FAILED');
    for (let i = 0; i < workerCount; i += 1) this.start(spawnWorker(url, undefined));
    if (dispatchNow) this.dispatch();
  }

  /**
   * Takes range `index` away from the workers when none has started it:
   * true means the caller parses it itself. A caller that takes every range
   * it reaches before the workers do keeps every core busy, whatever their
   * relative speed.
   */
  claim(index: number): boolean {
    if (index < this.nextToSend || index >= this.ranges.length) return false;
    this.claimed.add(index);
    this.dispatch();
    return true;
  }

  /** Whether the workers have finished range `index` (or failed). */
  isDone(index: number): boolean {
    return this.failure !== undefined || this.results[index]?.done === true;
  }

  /** The caller now reads range `index`: the workers may run ahead of it. */
  advance(index: number): void {
    this.reading = index;
    this.dispatch();
  }

  async *batches(index: number): AsyncGenerator<NdjsonLine[]> {
    const result = this.results[index];
    if (result === undefined) throw new RangeError(`no NDJSON range ${String(index)}`);
    this.advance(index);
    for (;;) {
      const batch = result.batches.shift();
      if (batch !== undefined) yield batch;
      else if (this.failure !== undefined) throw this.failure;
      else if (result.done) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private start(worker: Worker): void {
    worker.on('message', (message: NdjsonRangeMessage) => this.receive(worker, message));
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => {
      if (!this.closing) this.fail(new Error('an NDJSON parse worker exited'));
    });
    this.workers.push(worker);
    this.idle.push(worker);
  }

  private dispatch(): void {
    while (this.nextToSend < this.ranges.length) {
      if (this.claimed.has(this.nextToSend)) {
        this.nextToSend += 1;
        continue;
      }
      if (this.sentAhead() >= AHEAD_PER_WORKER * this.workers.length) return;
      const worker = this.idle.pop();
      const range = this.ranges[this.nextToSend];
      if (worker === undefined || range === undefined) return;
      const request: NdjsonRangeRequest = { index: this.nextToSend, range };
      worker.postMessage(request);
      this.nextToSend += 1;
    }
  }

  /** This pool's ranges sent beyond the one being read: being parsed or buffered. */
  private sentAhead(): number {
    let ahead = 0;
    for (let index = this.reading + 1; index < this.nextToSend; index += 1) {
      if (!this.claimed.has(index)) ahead += 1;
    }
    return ahead;
  }

  private receive(worker: Worker, message: NdjsonRangeMessage): void {
    const result = this.results[message.index];
    if (result === undefined) return;
    if ('batch' in message) {
      result.batches.push(decodeNdjsonBatch(message.batch));
    } else if ('done' in message) {
      result.done = true;
      this.idle.push(worker);
      this.dispatch();
    } else {
      const error = new Error(`an NDJSON parse worker failed: ${message.failed}`);
      this.fail(Object.assign(error, { code: message.failed }));
    }
    this.notify();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
