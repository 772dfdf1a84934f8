/**
 * Scores task inputs with a submitted ONNX model, in a worker thread.
 *
 * `load` checks the model before any patient data is touched: size, that it
 * parses, and that its declared input and output match the task contract.
 * `score` runs the rows in batches under a wall-clock limit; NaN and
 * infinite outputs are returned as they are (the caller counts them as
 * invalid). After a timeout or crash this scorer is finished; create a new one.
 */
import type { ModelContract } from '../../benchmark/onnx/model-contract.js';
import { assertModelContract } from '../../benchmark/onnx/assert-model-contract.js';
import { CentileError } from '../../benchmark/errors.js';
import { resolveWorkerUrl } from '../workers/resolve-worker-url.js';
import { WorkerChannel } from './worker-channel.js';
import type { UnnumberedRequest } from './worker-channel.js';

/** Limits of one scorer. */
export interface OnnxScorerOptions {
  /** Wall-clock limit of one `score` call, all batches together, in ms. */
  readonly timeoutMs: number;
  /** Largest accepted model, in bytes. */
  readonly maxModelBytes: number;
  /** Limit for starting the worker and for one `load`, in ms. Default 60 000. */
  readonly loadTimeoutMs?: number;
  /** Rows per `run()` call. Default 4096. */
  readonly batchRows?: number;
  /** Worker entry to run instead of the bundled `onnx-worker` (tests inject failing workers). */
  readonly workerUrl?: URL;
}

interface ScorerConfig {
  readonly timeoutMs: number;
  readonly maxModelBytes: number;
  readonly loadTimeoutMs: number;
  readonly batchRows: number;
}

/** An ONNX model runner owning one worker thread; call `close()` when done. */
export class OnnxScorer {
  private contract: ModelContract | undefined;
  // Requests go to the worker one at a time, so a deadline covers only its own call.
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly channel: WorkerChannel,
    private readonly config: ScorerConfig,
  ) {}

  /** Validates `options` (SCORER_OPTIONS_INVALID) and starts the worker (SCORER_UNAVAILABLE). */
  static async create(options: OnnxScorerOptions): Promise<OnnxScorer> {
    const config = parseScorerOptions(options);
    const url =
      options.workerUrl ?? resolveWorkerUrl(import.meta.url, 'onnx-worker', 'SCORER_UNAVAILABLE');
    return new OnnxScorer(await WorkerChannel.start(url, config.loadTimeoutMs), config);
  }

  /**
   * Loads a model for `contract`, replacing any previous one. Rejects with
   * MODEL_TOO_LARGE, MODEL_NOT_ONNX, MODEL_INPUT_MISMATCH, MODEL_OUTPUT_MISMATCH
   * (then no model is loaded), or MODEL_TIMEOUT / MODEL_CRASHED.
   */
  load(modelBytes: Uint8Array, contract: ModelContract): Promise<void> {
    return this.enqueue(async () => {
      this.contract = undefined;
      assertContractShape(contract);
      if (modelBytes.byteLength > this.config.maxModelBytes) {
        throw new CentileError(
          'invalid-input',
          'MODEL_TOO_LARGE',
          `the model exceeds ${this.config.maxModelBytes} bytes`,
        );
      }
      // A copy of our own to transfer: the caller keeps its bytes.
      const model = modelBytes.slice();
      const response = await this.send(
        { type: 'load', model },
        [model.buffer],
        this.config.loadTimeoutMs,
      );
      if (response.type !== 'loaded') throw unexpected();
      assertModelContract(response.signature, contract);
      this.contract = contract;
    });
  }

  /**
   * Scores `rows` rows of row-major input (rows × inputColumns); resolves to
   * the output tensor's data (rows × outputColumns). Rejects with
   * SCORE_INPUT_INVALID, MODEL_NOT_LOADED, MODEL_RUN_FAILED,
   * MODEL_OUTPUT_MISMATCH, MODEL_TIMEOUT or MODEL_CRASHED.
   */
  score(input: Float32Array, rows: number): Promise<Float32Array> {
    return this.enqueue(async () => {
      const contract = this.contract;
      if (!contract)
        throw new CentileError('failed-precondition', 'MODEL_NOT_LOADED', 'no model is loaded');
      if (!Number.isInteger(rows) || rows < 0 || input.length !== rows * contract.inputColumns) {
        throw new CentileError(
          'invalid-input',
          'SCORE_INPUT_INVALID',
          `input must hold rows × ${contract.inputColumns} values`,
        );
      }
      if (rows === 0) return new Float32Array(0);
      const copy = input.slice();
      const request: UnnumberedRequest = {
        type: 'score',
        input: copy,
        rows,
        batchRows: this.config.batchRows,
        contract,
      };
      const response = await this.send(request, [copy.buffer], this.config.timeoutMs);
      if (response.type !== 'scored') throw unexpected();
      return response.output;
    });
  }

  /** Stops the worker. Idempotent; later calls reject with SCORER_CLOSED. */
  async close(): Promise<void> {
    this.contract = undefined;
    await this.channel.close();
  }

  private async send(
    request: UnnumberedRequest,
    transfer: readonly ArrayBuffer[],
    timeoutMs: number,
  ) {
    const response = await this.channel.request(request, transfer, timeoutMs);
    if (response.type === 'failed') {
      const { kind, code, message, detail } = response.error;
      throw new CentileError(
        kind,
        code,
        message,
        detail === undefined ? {} : { cause: new Error(detail) },
      );
    }
    return response;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** Checks every option at once and fills defaults. */
function parseScorerOptions(options: OnnxScorerOptions): ScorerConfig {
  const config = {
    timeoutMs: options.timeoutMs,
    maxModelBytes: options.maxModelBytes,
    loadTimeoutMs: options.loadTimeoutMs ?? 60_000,
    batchRows: options.batchRows ?? 4096,
  };
  const invalid = Object.entries(config).filter(
    ([, value]) => !Number.isInteger(value) || value <= 0,
  );
  if (invalid.length > 0) {
    const names = invalid.map(([name]) => name).join(', ');
    throw new CentileError(
      'invalid-input',
      'SCORER_OPTIONS_INVALID',
      `options must be positive integers: ${names}`,
    );
  }
  return Object.freeze(config);
}

function assertContractShape(contract: ModelContract): void {
  const columns = [contract.inputColumns, contract.outputColumns];
  if (
    !contract.inputName ||
    !contract.outputName ||
    !columns.every((n) => Number.isInteger(n) && n > 0)
  ) {
    throw new CentileError(
      'invalid-input',
      'MODEL_CONTRACT_INVALID',
      'the model contract is malformed',
    );
  }
}

function unexpected(): CentileError {
  return new CentileError(
    'internal',
    'SCORER_INTERNAL',
    'the ONNX worker answered out of protocol',
  );
}
