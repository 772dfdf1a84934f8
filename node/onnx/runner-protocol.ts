/**
 * Messages between `OnnxScorer` (the node) and `onnx-runner` (its child
 * process), sent over the IPC channel with advanced serialisation so typed
 * arrays cross as typed arrays. Errors cross as kind, code and message, with
 * the runtime's own text as `detail` for local logs only.
 */
import type { ErrorKind } from '../../benchmark/errors.js';
import type { ModelContract } from '../../benchmark/onnx/model-contract.js';

/** Check and load a model for `contract`, replacing the previous one. */
export interface LoadRequest {
  readonly type: 'load';
  readonly id: number;
  readonly model: Uint8Array;
  readonly contract: ModelContract;
}

/** Score one batch: `rows` rows of row-major input, in one onnxruntime run. */
export interface ScoreRequest {
  readonly type: 'score';
  readonly id: number;
  readonly input: Float32Array;
  readonly rows: number;
}

/** Node → runner. */
export type RunnerRequest = LoadRequest | ScoreRequest;

/** A request before the runner process numbers it. */
export type UnnumberedRequest = Omit<LoadRequest, 'id'> | Omit<ScoreRequest, 'id'>;

/** An error as it crosses the process boundary. */
export interface RunnerError {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly message: string;
  /** The runtime's message, for local logs only. */
  readonly detail?: string;
}

/**
 * Runner → node. `ready` is sent once, after onnxruntime has loaded; the
 * scored output is rows × outputColumns, class pairs already reduced.
 */
export type RunnerResponse =
  | { readonly type: 'ready' }
  | { readonly type: 'loaded'; readonly id: number }
  | { readonly type: 'scored'; readonly id: number; readonly output: Float32Array }
  | { readonly type: 'failed'; readonly id: number; readonly error: RunnerError };
