/**
 * One runner child process and the requests in flight to it.
 *
 * The runner answers requests in the order they were sent, one at a time;
 * sending the next before the last is answered (as `score` does with its
 * batches) keeps the runner from waiting for the IPC round trip. Whatever a
 * model does, the node only ever sees settled promises with a stable code:
 * `kill(reason)` SIGKILLs the process, even inside a native onnxruntime
 * run, and rejects every request in flight with `reason`
 * (MODEL_TIMEOUT from the scorer's deadline, MODEL_MEMORY_EXCEEDED from the
 * memory watch); a process that dies on its own rejects it with
 * MODEL_CRASHED, or MODEL_MEMORY_EXCEEDED when V8 ran out of heap. Either
 * way the process is finished: later requests fail with SCORER_CLOSED and
 * the caller starts a new one, while the node carries on.
 */
import type { ChildProcess } from 'node:child_process';
import { CentileError } from '../../benchmark/errors.js';
import { forkRunner } from './fork-runner.js';
import type { RunnerResponse, UnnumberedRequest } from './runner-protocol.js';
import { watchMemory } from './watch-memory.js';

/** A response to a request (not the `ready` greeting). */
export type Settled = Exclude<RunnerResponse, { type: 'ready' }>;

/** Limits of one runner process. */
export interface RunnerLimits {
  /** Resident memory (RSS) above which the process is killed, in bytes. */
  readonly maxMemoryBytes: number;
}

interface Pending {
  readonly resolve: (response: RunnerResponse) => void;
  readonly reject: (error: CentileError) => void;
}

// What V8 prints when the runner's JavaScript heap hits --max-old-space-size.
const HEAP_EXHAUSTED = /heap out of memory|Reached heap limit/;
// Bytes of stderr kept as the cause of a crash, for the node's local logs.
const STDERR_TAIL_BYTES = 2048;

/** A forked `onnx-runner` speaking the runner protocol. */
export class RunnerProcess {
  // By request id; the `ready` greeting answers id 0.
  private readonly pending = new Map<number, Pending>();
  private finished: CentileError | undefined;
  private nextId = 1;
  private stderrTail = '';
  private readonly started: Promise<RunnerResponse>;
  private readonly closed: Promise<void>;
  private readonly stopWatching: () => void;

  private constructor(
    private readonly child: ChildProcess,
    limits: RunnerLimits,
  ) {
    this.closed = new Promise((resolve) => child.once('close', () => resolve()));
    this.started = this.awaitAnswer(0);
    child.on('message', (response: RunnerResponse) => this.receive(response));
    child.on('error', (cause) => this.kill(crashed(cause)));
    // 'close' rather than 'exit': by then stderr is drained, so V8's last words are in the tail.
    child.on('close', (code, signal) => this.kill(this.exitReason(code, signal)));
    child.stderr?.setEncoding('utf8').on('data', (text: string) => {
      this.stderrTail = (this.stderrTail + text).slice(-STDERR_TAIL_BYTES);
    });
    this.stopWatching =
      child.pid === undefined
        ? () => undefined
        : watchMemory(child.pid, limits.maxMemoryBytes, () => this.kill(memoryExceeded()));
  }

  /** Forks the runner at `entry` (`.js`, or `.ts` from source); see `ready()`. */
  static start(entry: URL, limits: RunnerLimits): RunnerProcess {
    // Half the memory limit for V8's heap: the runner's JavaScript holds
    // little (tensors live in native memory), so a heap that grows past it
    // is pathological and should fail fast with a recognisable message.
    const heapLimitMiB = Math.max(16, Math.floor(limits.maxMemoryBytes / 2 / 2 ** 20));
    return new RunnerProcess(forkRunner(entry, { heapLimitMiB }), limits);
  }

  /** The child's process id (undefined if it could not be spawned). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves once onnxruntime has loaded in the runner; rejects if it dies or is killed first. */
  async ready(): Promise<void> {
    await this.started;
  }

  /**
   * Sends one request (numbered here) and resolves to its answer. Callers
   * bound how many they keep in flight: each one is a copy of its data in
   * the runner until it is answered.
   */
  request(message: UnnumberedRequest): Promise<Settled> {
    if (this.finished) return Promise.reject(closed(this.finished));
    const id = this.nextId++;
    const answer = this.awaitAnswer(id);
    this.child.send({ ...message, id }, (error) => {
      if (error) this.kill(crashed(error));
    });
    // Only `ready` is not Settled, and it answers request 0, never this one.
    return answer as Promise<Settled>;
  }

  /**
   * Finishes the runner with `reason` (the first reason wins), rejects the
   * requests in flight with it and SIGKILLs the process. Safe to call at any
   * time, any number of times.
   */
  kill(reason: CentileError): void {
    const finished = (this.finished ??= reason);
    this.stopWatching();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const { reject } of pending) reject(finished);
    // After exit the handle is gone and kill() is a no-op, so a reused pid is never hit.
    this.child.kill('SIGKILL');
  }

  /** Kills the runner (it holds nothing worth saving) and resolves once it is reaped. */
  async close(): Promise<void> {
    this.kill(new CentileError('failed-precondition', 'SCORER_CLOSED', 'the scorer is closed'));
    await this.closed;
  }

  private awaitAnswer(id: number): Promise<RunnerResponse> {
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
    });
  }

  private receive(response: RunnerResponse): void {
    const id = response.type === 'ready' ? 0 : response.id;
    const pending = this.pending.get(id);
    if (this.finished || !pending) return;
    this.pending.delete(id);
    pending.resolve(response);
  }

  private exitReason(code: number | null, signal: NodeJS.Signals | null): CentileError {
    if (HEAP_EXHAUSTED.test(this.stderrTail)) return memoryExceeded();
    const cause = new Error(`runner exited (${signal ?? `code ${code}`}): ${this.stderrTail}`);
    return crashed(cause);
  }
}

function crashed(cause: unknown): CentileError {
  return new CentileError('internal', 'MODEL_CRASHED', 'the model runner crashed', { cause });
}

function memoryExceeded(): CentileError {
  return new CentileError(
    'resource-exhausted',
    'MODEL_MEMORY_EXCEEDED',
    'the model exceeded its memory limit',
  );
}

/** The error for a request after the runner finished; a timeout or crash stays the cause. */
function closed(reason: CentileError): CentileError {
  if (reason.code === 'SCORER_CLOSED') return reason;
  return new CentileError(
    'failed-precondition',
    'SCORER_CLOSED',
    'the scorer stopped; create a new one',
    { cause: reason },
  );
}
