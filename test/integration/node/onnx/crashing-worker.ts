/**
 * A stand-in for onnx-worker that breaks on purpose: it starts, accepts any
 * model as a valid growth.status model, then dies while scoring: an uncaught
 * exception for 1 row, process.exit(3) for any other row count.
 */
import { parentPort } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse } from '../../../../node/onnx/worker-protocol.js';

const port = parentPort;
const tensor = (name: string) => ({ name, isTensor: true, type: 'float32', shape: ['N', 6] });

port?.on('message', (request: WorkerRequest) => {
  if (request.type === 'load') {
    const signature = { inputs: [tensor('features')], outputs: [tensor('probabilities')] };
    port.postMessage({ type: 'loaded', id: request.id, signature } satisfies WorkerResponse);
  } else if (request.rows === 1) {
    throw new Error('simulated crash');
  } else {
    process.exit(3);
  }
});
port?.postMessage({ type: 'ready' } satisfies WorkerResponse);
