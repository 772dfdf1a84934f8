/**
 * Messages between `OnnxScorer` (main thread) and `onnx-worker` (worker
 * thread). Plain structured-clone data only: errors cross as their kind,
 * code and message, with the runtime's own text as `detail` for local logs.
 */
import type { ErrorKind } from '../../benchmark/errors.js';
import type { ModelContract } from '../../benchmark/onnx/model-contract.js';
import type { ModelSignature } from '../../benchmark/onnx/model-signature.js';

/** `workerData` of the worker thread. */
export interface WorkerData {
  /**
   * Cancel flag shared with the main thread (0 = run, 1 = stop). Checked
   * between batches, because terminating a thread inside a native run aborts
   * the process.
   */
  readonly cancel: Int32Array;
}

/** Load a model, replacing the previous session. */
export interface LoadRequest {
  readonly type: 'load';
  readonly id: number;
  readonly model: Uint8Array;
}

/** Score `rows` rows of row-major input in batches of at most `batchRows`. */
export interface ScoreRequest {
  readonly type: 'score';
  readonly id: number;
  readonly input: Float32Array;
  readonly rows: number;
  readonly batchRows: number;
  readonly contract: ModelContract;
}

/** Main thread → worker. */
export type WorkerRequest = LoadRequest | ScoreRequest;

/** An error as it crosses the thread boundary. */
export interface WorkerError {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly message: string;
  /** The runtime's message, for local logs only. */
  readonly detail?: string;
}

/** Worker → main thread. `ready` is sent once, after onnxruntime has loaded. */
export type WorkerResponse =
  | { readonly type: 'ready' }
  | { readonly type: 'loaded'; readonly id: number; readonly signature: ModelSignature }
  | { readonly type: 'scored'; readonly id: number; readonly output: Float32Array }
  | { readonly type: 'failed'; readonly id: number; readonly error: WorkerError };
