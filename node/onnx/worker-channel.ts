/**
 * One worker thread and one request at a time to it, with a deadline.
 *
 * A request that overruns is rejected at once with MODEL_TIMEOUT; a worker
 * that throws or exits with work pending rejects it with MODEL_CRASHED.
 * Either way the channel is finished, later requests fail with SCORER_CLOSED,
 * and the caller starts a new channel while this process carries on.
 *
 * The worker is never terminated in the middle of a native onnxruntime call:
 * when a terminated thread's `run()` returns, the binding throws a C++
 * exception that aborts the whole process. So a finished channel raises a
 * shared cancel flag, which the worker checks between batches, and is
 * terminated once its in-flight request has answered.
 */
import type { Worker } from 'node:worker_threads';
import { CentileError } from '../../benchmark/errors.js';
import { spawnWorker } from '../workers/spawn-worker.js';
import type { WorkerData, WorkerRequest, WorkerResponse } from './worker-protocol.js';

type Settled = Exclude<WorkerResponse, { type: 'ready' }>;

/** A request before the channel numbers it. */
export type UnnumberedRequest = WorkerRequest extends infer R
  ? R extends unknown
    ? Omit<R, 'id'>
    : never
  : never;

interface Pending {
  readonly resolve: (response: Settled) => void;
  readonly reject: (error: CentileError) => void;
  readonly timer: NodeJS.Timeout;
}

/** A worker thread speaking the scorer protocol. */
export class WorkerChannel {
  /** The caller waiting for an answer, until it is answered or rejected. */
  private pending: Pending | undefined;
  /** The request the worker is busy with, until the worker answers it. */
  private inFlight: number | undefined;
  private finished: CentileError | undefined;
  private nextId = 1;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    private readonly cancel: Int32Array,
  ) {
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (response: WorkerResponse) => this.receive(response));
    worker.on('error', (cause) => this.fail(crashed(cause)));
    worker.on('messageerror', (cause) => this.fail(crashed(cause)));
    worker.on('exit', (exitCode) => {
      this.inFlight = undefined;
      this.fail(crashed(new Error(`worker exited with code ${exitCode}`)));
    });
  }

  /** Starts the worker at `url` (`.js`, or `.ts` from source); waits at most `startTimeoutMs` for it to be ready. */
  static async start(url: URL, startTimeoutMs: number): Promise<WorkerChannel> {
    const data: WorkerData = { cancel: new Int32Array(new SharedArrayBuffer(4)) };
    let worker: Worker | undefined;
    try {
      worker = spawnWorker(url, data);
      await waitForReady(worker, startTimeoutMs);
    } catch (cause) {
      await worker?.terminate();
      throw new CentileError('unavailable', 'SCORER_UNAVAILABLE', 'the ONNX worker did not start', {
        cause,
      });
    }
    return new WorkerChannel(worker, data.cancel);
  }

  /** Sends one request (numbered here) and waits at most `timeoutMs` for its answer. */
  request(
    message: UnnumberedRequest,
    transfer: readonly ArrayBuffer[],
    timeoutMs: number,
  ): Promise<Settled> {
    if (this.finished) return Promise.reject(closed(this.finished));
    if (this.inFlight !== undefined) {
      return Promise.reject(new CentileError('internal', 'SCORER_BUSY', 'a request is in flight'));
    }
    const id = this.nextId++;
    return new Promise<Settled>((resolve, reject) => {
      const timer = setTimeout(() => this.fail(timedOut()), timeoutMs);
      this.pending = { resolve, reject, timer };
      this.inFlight = id;
      this.worker.postMessage({ ...message, id }, [...transfer]);
    });
  }

  /**
   * Finishes the channel and resolves once the worker thread has exited,
   * which waits for a native run in progress to return.
   */
  async close(): Promise<void> {
    this.fail(new CentileError('failed-precondition', 'SCORER_CLOSED', 'the scorer is closed'));
    await this.exited;
  }

  private receive(response: WorkerResponse): void {
    if (response.type === 'ready' || response.id !== this.inFlight) return;
    this.inFlight = undefined;
    if (this.finished) {
      this.stop();
      return;
    }
    const pending = this.pending;
    this.pending = undefined;
    if (pending) clearTimeout(pending.timer);
    pending?.resolve(response);
  }

  /** Finishes the channel (the first reason wins) and rejects the waiting caller with it. */
  private fail(reason: CentileError): void {
    this.finished ??= reason;
    Atomics.store(this.cancel, 0, 1);
    const pending = this.pending;
    this.pending = undefined;
    if (pending) {
      clearTimeout(pending.timer);
      pending.reject(reason);
    }
    if (this.inFlight === undefined) this.stop();
  }

  /** Terminates the worker; only called when no request is in flight in it. */
  private stop(): void {
    this.worker.terminate().catch(() => undefined);
  }
}

function waitForReady(worker: Worker, timeoutMs: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', finish).off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (message: WorkerResponse): void => {
      if (message.type === 'ready') finish();
    };
    const onExit = (exitCode: number): void =>
      finish(new Error(`worker exited with code ${exitCode}`));
    const timer = setTimeout(() => finish(new Error('worker start timed out')), timeoutMs);
    worker.on('message', onMessage).on('error', finish).on('exit', onExit);
  });
}

function timedOut(): CentileError {
  return new CentileError(
    'deadline-exceeded',
    'MODEL_TIMEOUT',
    'the model exceeded its time limit',
  );
}

function crashed(cause: unknown): CentileError {
  return new CentileError('internal', 'MODEL_CRASHED', 'the model runner crashed', { cause });
}

/** The error for a request after the channel finished; a timeout or crash stays the cause. */
function closed(reason: CentileError): CentileError {
  if (reason.code === 'SCORER_CLOSED') return reason;
  return new CentileError(
    'failed-precondition',
    'SCORER_CLOSED',
    'the scorer stopped; create a new one',
    {
      cause: reason,
    },
  );
}
