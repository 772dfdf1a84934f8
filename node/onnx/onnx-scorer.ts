/**
 * Scores task inputs with a submitted ONNX model, in a child process of its
 * own (see onnx-runner and RunnerProcess).
 *
 * `load` checks the model before any patient data is touched: size here,
 * then in the runner that it parses, its opsets and operators, and that its
 * declared input and output match the task contract. `score` runs the rows
 * in batches under one wall-clock limit; NaN and infinite outputs are
 * returned as they are (the caller counts them as invalid). After a timeout,
 * crash or memory kill this scorer is finished; create a new one.
 */
import { CentileError } from '../../benchmark/errors.js';
import type { ModelContract } from '../../benchmark/onnx/model-contract.js';
import { resolveWorkerUrl } from '../workers/resolve-worker-url.js';
import { parseScorerOptions } from './parse-scorer-options.js';
import type { OnnxScorerOptions, ScorerConfig } from './parse-scorer-options.js';
import { RunnerProcess } from './runner-process.js';
import type { Settled } from './runner-process.js';
import type { UnnumberedRequest } from './runner-protocol.js';

/** An ONNX model runner owning one child process; call `close()` when done. */
export class OnnxScorer {
  private contract: ModelContract | undefined;
  // Requests go to the runner one at a time, so a deadline covers only its own call.
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly runner: RunnerProcess,
    private readonly config: ScorerConfig,
  ) {}

  /** Validates `options` (SCORER_OPTIONS_INVALID) and starts the runner (SCORER_UNAVAILABLE). */
  static async create(options: OnnxScorerOptions): Promise<OnnxScorer> {
    const config = parseScorerOptions(options);
    const entry =
      options.runnerUrl ?? resolveWorkerUrl(import.meta.url, 'onnx-runner', 'SCORER_UNAVAILABLE');
    const runner = RunnerProcess.start(entry, config);
    try {
      await withDeadline(runner, config.loadTimeoutMs, () => runner.ready());
    } catch (cause) {
      await runner.close();
      throw new CentileError('unavailable', 'SCORER_UNAVAILABLE', 'the ONNX runner did not start', {
        cause,
      });
    }
    return new OnnxScorer(runner, config);
  }

  /** Process id of the runner, for logs and outside supervision. */
  get pid(): number | undefined {
    return this.runner.pid;
  }

  /**
   * Loads a model for `contract`, replacing any previous one. Rejects with
   * MODEL_CONTRACT_INVALID, MODEL_TOO_LARGE, MODEL_NOT_ONNX,
   * MODEL_OPSET_NOT_ALLOWED, MODEL_OPERATOR_NOT_ALLOWED,
   * MODEL_EXTERNAL_DATA_NOT_ALLOWED, MODEL_INPUT_MISMATCH,
   * MODEL_OUTPUT_MISMATCH (then no model is loaded and the scorer stays
   * usable), or MODEL_TIMEOUT / MODEL_MEMORY_EXCEEDED / MODEL_CRASHED (then
   * the scorer is finished).
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
      const request = { type: 'load', model: modelBytes, contract } as const;
      const response = await withDeadline(this.runner, this.config.loadTimeoutMs, () =>
        this.send(request),
      );
      if (response.type !== 'loaded') throw unexpected();
      this.contract = contract;
    });
  }

  /**
   * Scores `rows` rows of row-major input (rows × inputColumns); resolves to
   * the output (rows × outputColumns; with `acceptsClassPairs`, column 1 of
   * a class pair). Rejects with SCORE_INPUT_INVALID, MODEL_NOT_LOADED,
   * MODEL_RUN_FAILED, MODEL_OUTPUT_MISMATCH, or MODEL_TIMEOUT /
   * MODEL_MEMORY_EXCEEDED / MODEL_CRASHED (then the scorer is finished).
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
      return withDeadline(this.runner, this.config.timeoutMs, () =>
        this.scoreBatches(input, rows, contract),
      );
    });
  }

  /** Kills the runner. Idempotent; later calls reject with SCORER_CLOSED. */
  async close(): Promise<void> {
    this.contract = undefined;
    await this.runner.close();
  }

  /**
   * One run per batch of at most `batchRows` rows, so one run's memory is
   * bounded. The next batch is sent before this one is answered, so the
   * runner does not idle for the round trip; on a failure the batch still
   * in flight is awaited, leaving the runner idle for the next call.
   */
  private async scoreBatches(
    input: Float32Array,
    rows: number,
    contract: ModelContract,
  ): Promise<Float32Array> {
    const output = new Float32Array(rows * contract.outputColumns);
    const inFlight: Promise<void>[] = [];
    try {
      for (let start = 0; start < rows; start += this.config.batchRows) {
        if (inFlight.length === BATCHES_IN_FLIGHT) await inFlight.shift();
        const count = Math.min(this.config.batchRows, rows - start);
        inFlight.push(markHandled(this.scoreBatch(input, output, start, count, contract)));
      }
      await Promise.all(inFlight);
    } catch (error) {
      await Promise.allSettled(inFlight);
      throw error;
    }
    return output;
  }

  /** Scores rows `start` to `start + count` of `input` into the same rows of `output`. */
  private async scoreBatch(
    input: Float32Array,
    output: Float32Array,
    start: number,
    count: number,
    { inputColumns, outputColumns }: ModelContract,
  ): Promise<void> {
    // A view: advanced serialisation copies only the view's bytes.
    const batch = input.subarray(start * inputColumns, (start + count) * inputColumns);
    const response = await this.send({ type: 'score', input: batch, rows: count });
    if (response.type !== 'scored' || response.output.length !== count * outputColumns) {
      throw unexpected();
    }
    output.set(response.output, start * outputColumns);
  }

  private async send(request: UnnumberedRequest): Promise<Settled> {
    const response = await this.runner.request(request);
    if (response.type === 'failed') {
      const { kind, code, message, detail } = response.error;
      const options = detail === undefined ? {} : { cause: new Error(detail) };
      throw new CentileError(kind, code, message, options);
    }
    return response;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

// Two: the runner finds the next batch waiting when a run ends. More would
// only queue more copies of the input in the runner, for no gain.
const BATCHES_IN_FLIGHT = 2;

/**
 * `promise` itself, marked as handled: a batch that fails while an earlier
 * one is awaited must not count as an unhandled rejection (which would end
 * the node); it is still awaited and its error still thrown.
 */
function markHandled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** Runs `work`; past `timeoutMs` the runner is killed and `work` rejects with MODEL_TIMEOUT. */
async function withDeadline<T>(
  runner: RunnerProcess,
  timeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  let expired: CentileError | undefined;
  const timer = setTimeout(() => {
    expired = new CentileError(
      'deadline-exceeded',
      'MODEL_TIMEOUT',
      'the model exceeded its time limit',
    );
    runner.kill(expired);
  }, timeoutMs);
  try {
    return await work();
  } catch (error) {
    throw expired ?? error;
  } finally {
    clearTimeout(timer);
  }
}

function assertContractShape(contract: ModelContract): void {
  const columns = [contract.inputColumns, contract.outputColumns];
  const pairs = contract.acceptsClassPairs === true && contract.outputColumns !== 1;
  if (
    !contract.inputName ||
    !contract.outputName ||
    !columns.every((n) => Number.isInteger(n) && n > 0) ||
    pairs
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
    'the ONNX runner answered out of protocol',
  );
}
