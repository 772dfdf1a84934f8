/**
 * Worker-thread entry of the ONNX scorer. onnxruntime-node's `run()` is
 * synchronous native code, so it lives here where it cannot block the node's
 * event loop. The main thread enforces deadlines: it answers the caller at
 * once, raises the cancel flag, and terminates this thread once it is back
 * from native code (see WorkerChannel).
 *
 * Requests arrive one at a time (the scorer serialises them).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import { CentileError } from '../../benchmark/errors.js';
import type { ModelSignature, ValueSignature } from '../../benchmark/onnx/model-signature.js';
import { readModelSignature } from '../../benchmark/onnx/read-model-signature.js';
import type {
  LoadRequest,
  ScoreRequest,
  WorkerData,
  WorkerError,
  WorkerRequest,
  WorkerResponse,
} from './worker-protocol.js';

const SESSION_OPTIONS: InferenceSession.SessionOptions = {
  executionProviders: ['cpu'],
  graphOptimizationLevel: 'all',
  // Warnings would go to the node's stderr unstructured; errors still reach us as exceptions.
  logSeverityLevel: 3,
};

let session: InferenceSession | undefined;
const { cancel } = workerData as WorkerData;

/** Set by the main thread after a timeout or close: stop before the next native call. */
function assertNotCancelled(): void {
  if (Atomics.load(cancel, 0) !== 0) {
    throw new CentileError('failed-precondition', 'SCORER_CLOSED', 'the scorer was stopped');
  }
}

async function load(request: LoadRequest): Promise<WorkerResponse> {
  await session?.release();
  session = undefined;
  try {
    session = await InferenceSession.create(request.model, SESSION_OPTIONS);
  } catch (cause) {
    throw new CentileError(
      'invalid-input',
      'MODEL_NOT_ONNX',
      'the model could not be loaded as ONNX',
      { cause },
    );
  }
  return { type: 'loaded', id: request.id, signature: signatureOf(session, request.model) };
}

/** The runtime's view of the declared inputs/outputs; the ModelProto's when the runtime has none. */
function signatureOf(loaded: InferenceSession, model: Uint8Array): ModelSignature {
  const { inputMetadata, outputMetadata } = loaded as Partial<InferenceSession>;
  if (!Array.isArray(inputMetadata) || !Array.isArray(outputMetadata))
    return readModelSignature(model);
  const toSignature = (value: InferenceSession.ValueMetadata): ValueSignature =>
    value.isTensor
      ? { name: value.name, isTensor: true, type: value.type, shape: [...value.shape] }
      : { name: value.name, isTensor: false, type: 'unknown', shape: [] };
  return { inputs: inputMetadata.map(toSignature), outputs: outputMetadata.map(toSignature) };
}

async function score(request: ScoreRequest): Promise<WorkerResponse> {
  if (!session)
    throw new CentileError('failed-precondition', 'MODEL_NOT_LOADED', 'no model is loaded');
  const { rows, batchRows, contract } = request;
  const output = new Float32Array(rows * contract.outputColumns);
  // Batches bound memory and are where a timed-out or closed scorer stops:
  // the main thread may only terminate this thread between native calls.
  for (let start = 0; start < rows; start += batchRows) {
    assertNotCancelled();
    const count = Math.min(batchRows, rows - start);
    const data = request.input.slice(
      start * contract.inputColumns,
      (start + count) * contract.inputColumns,
    );
    output.set(await runBatch(session, data, count, contract), start * contract.outputColumns);
  }
  return { type: 'scored', id: request.id, output };
}

async function runBatch(
  active: InferenceSession,
  data: Float32Array,
  count: number,
  contract: ScoreRequest['contract'],
): Promise<Float32Array> {
  const feeds = {
    [contract.inputName]: new Tensor('float32', data, [count, contract.inputColumns]),
  };
  let result: InferenceSession.ReturnType;
  try {
    result = await active.run(feeds, [contract.outputName]);
  } catch (cause) {
    throw new CentileError('invalid-input', 'MODEL_RUN_FAILED', 'the model failed while scoring', {
      cause,
    });
  }
  const tensor = result[contract.outputName];
  // Declared shapes are checked at load; the produced tensor must honour them too.
  const [batch, columns] = tensor?.dims ?? [];
  if (
    !tensor ||
    tensor.type !== 'float32' ||
    tensor.dims.length !== 2 ||
    batch !== count ||
    columns !== contract.outputColumns
  ) {
    throw new CentileError(
      'invalid-input',
      'MODEL_OUTPUT_MISMATCH',
      `output '${contract.outputName}' must be float32 [N, ${contract.outputColumns}]`,
    );
  }
  return tensor.data as Float32Array;
}

function toWorkerError(error: unknown): WorkerError {
  const detail = error instanceof CentileError ? error.cause : error;
  const base =
    error instanceof CentileError
      ? { kind: error.kind, code: error.code, message: error.message }
      : { kind: 'internal' as const, code: 'SCORER_INTERNAL', message: 'the ONNX worker failed' };
  return detail instanceof Error ? { ...base, detail: detail.message } : base;
}

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
  try {
    return request.type === 'load' ? await load(request) : await score(request);
  } catch (error) {
    return { type: 'failed', id: request.id, error: toWorkerError(error) };
  }
}

const port = parentPort;
if (!port) throw new Error('onnx-worker must run in a worker thread');
port.on('message', (request: WorkerRequest) => {
  void handle(request).then((response) => {
    port.postMessage(
      response,
      response.type === 'scored' ? [response.output.buffer as ArrayBuffer] : [],
    );
  });
});
port.postMessage({ type: 'ready' } satisfies WorkerResponse);
