/**
 * Child-process entry of the ONNX scorer: the only place submitted models
 * are decoded, checked and run. It lives in its own process so that a model
 * that hangs inside one native `run()`, crashes the runtime or exhausts
 * memory can be SIGKILLed by the node (see RunnerProcess), which a worker
 * thread cannot be without aborting the node.
 *
 * Requests are handled one at a time, in the order they arrive; each score
 * request is one batch, one onnxruntime run. The scorer sends the next batch
 * before this one is answered, so it is already here when the run ends.
 */
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { CentileError } from '../../benchmark/errors.js';
import { assertModelContract } from '../../benchmark/onnx/assert-model-contract.js';
import type { ModelContract } from '../../benchmark/onnx/model-contract.js';
import type { ModelSignature, ValueSignature } from '../../benchmark/onnx/model-signature.js';
import { prepareModel } from '../../benchmark/onnx/prepare-model.js';
import { readModelSignature } from '../../benchmark/onnx/read-model-signature.js';
import type {
  LoadRequest,
  RunnerError,
  RunnerRequest,
  RunnerResponse,
  ScoreRequest,
} from './runner-protocol.js';
import { watchParent } from './watch-parent.js';

const SESSION_OPTIONS: InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  graphOptimizationLevel: 'all',
  // Warnings would go to stderr unstructured; errors still reach us as exceptions.
  logSeverityLevel: 3,
};

let loaded: { readonly session: InferenceSession; readonly contract: ModelContract } | undefined;

async function load(request: LoadRequest): Promise<RunnerResponse> {
  const previous = loaded;
  loaded = undefined;
  await previous?.session.release();
  const model = prepareModel(request.model);
  const session = await createSession(model);
  try {
    assertModelContract(signatureOf(session, model), request.contract);
  } catch (error) {
    await session.release();
    throw error;
  }
  loaded = { session, contract: request.contract };
  return { type: 'loaded', id: request.id };
}

async function createSession(model: Uint8Array): Promise<InferenceSession> {
  try {
    return await InferenceSession.create(model, SESSION_OPTIONS);
  } catch (cause) {
    throw new CentileError(
      'invalid-input',
      'MODEL_NOT_ONNX',
      'the model could not be loaded as ONNX',
      { cause },
    );
  }
}

/** The runtime's view of the declared inputs/outputs; the ModelProto's when the runtime has none. */
function signatureOf(session: InferenceSession, model: Uint8Array): ModelSignature {
  const { inputMetadata, outputMetadata } = session as Partial<InferenceSession>;
  if (!Array.isArray(inputMetadata) || !Array.isArray(outputMetadata))
    return readModelSignature(model);
  const toSignature = (value: InferenceSession.ValueMetadata): ValueSignature =>
    value.isTensor
      ? { name: value.name, isTensor: true, type: value.type, shape: [...value.shape] }
      : { name: value.name, isTensor: false, type: 'unknown', shape: [] };
  return { inputs: inputMetadata.map(toSignature), outputs: outputMetadata.map(toSignature) };
}

async function score(request: ScoreRequest): Promise<RunnerResponse> {
  if (!loaded)
    throw new CentileError('failed-precondition', 'MODEL_NOT_LOADED', 'no model is loaded');
  const { session, contract } = loaded;
  const shape = [request.rows, contract.inputColumns];
  const feeds = { [contract.inputName]: new Tensor('float32', request.input, shape) };
  let result: InferenceSession.ReturnType;
  try {
    result = await session.run(feeds, [contract.outputName]);
  } catch (cause) {
    throw new CentileError('invalid-input', 'MODEL_RUN_FAILED', 'the model failed while scoring', {
      cause,
    });
  }
  const output = readOutput(result[contract.outputName], request.rows, contract);
  return { type: 'scored', id: request.id, output };
}

/**
 * The produced tensor as rows × outputColumns. Declared shapes were checked
 * at load, but the produced tensor must honour them too. NaN and ±Infinity
 * pass through untouched: the caller counts them as invalid predictions.
 */
function readOutput(tensor: Tensor | undefined, rows: number, contract: ModelContract) {
  const [batch, columns] = tensor?.dims ?? [];
  const matrix = tensor?.type === 'float32' && tensor.dims.length === 2 && batch === rows;
  if (matrix && columns === contract.outputColumns) return tensor.data as Float32Array;
  if (matrix && columns === 2 && contract.acceptsClassPairs === true) {
    return positiveClass(tensor.data as Float32Array, rows);
  }
  throw new CentileError(
    'invalid-input',
    'MODEL_OUTPUT_MISMATCH',
    `output '${contract.outputName}' must be float32 [N, ${contract.outputColumns}]`,
  );
}

/** Column 1 of a row-major [rows, 2] class-probability pair. */
function positiveClass(pairs: Float32Array, rows: number): Float32Array {
  return Float32Array.from({ length: rows }, (_, row) => pairs[row * 2 + 1] ?? NaN);
}

function toRunnerError(error: unknown): RunnerError {
  const detail = error instanceof CentileError ? error.cause : error;
  const base =
    error instanceof CentileError
      ? { kind: error.kind, code: error.code, message: error.message }
      : { kind: 'internal' as const, code: 'SCORER_INTERNAL', message: 'the ONNX runner failed' };
  return detail instanceof Error ? { ...base, detail: detail.message } : base;
}

async function handle(request: RunnerRequest): Promise<RunnerResponse> {
  try {
    return request.type === 'load' ? await load(request) : await score(request);
  } catch (error) {
    return { type: 'failed', id: request.id, error: toRunnerError(error) };
  }
}

const send = process.send?.bind(process);
if (!send) throw new Error('onnx-runner must run as a child process with an IPC channel');
// A chain, not a handler per message: a batch that arrives during a run
// waits for it, so one run at a time bounds the runner's memory.
let handled = Promise.resolve();
process.on('message', (request: RunnerRequest) => {
  handled = handled.then(async () => {
    send(await handle(request));
  });
});
send({ type: 'ready' } satisfies RunnerResponse);
// Started after the greeting, so that starting its thread overlaps the first
// request's way here; no request is handled before this module body ends.
watchParent();
