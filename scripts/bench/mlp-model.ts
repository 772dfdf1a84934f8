/**
 * The benchmark's model: an MLP with two hidden layers of 256 (issue 4 §6)
 * for `growth.status/v1`, with seeded weights. Its quality does not matter,
 * only its cost, which is that of any fitted MLP of the same shape.
 */
import { encodeModel } from '../../benchmark/onnx/encode-model.js';
import { GraphBuilder } from '../../benchmark/onnx/graph-builder.js';
import { createPrng } from '../../benchmark/sim/prng.js';

const HIDDEN = 256;

/** ONNX bytes of a [N, inputs] → [N, outputs] MLP (NaN inputs read as 0), sigmoid outputs. */
export function buildBenchMlp(
  inputs: number,
  outputs: number,
  names: { input: string; output: string },
): Uint8Array {
  const random = createPrng('bench-mlp');
  const graph = new GraphBuilder('bench_mlp');
  const x = graph.input(names.input, 'float32', ['N', inputs]);
  const zero = graph.constant([0], 'float32', []);
  let h = graph.op('Where', [graph.op('IsNaN', [x]), zero, x]);
  let width = inputs;
  for (const next of [HIDDEN, HIDDEN, outputs]) {
    const weights = Array.from(
      { length: width * next },
      () => (random.uniform() - 0.5) / Math.sqrt(width),
    );
    const w = graph.constant(weights, 'float32', [width, next]);
    const b = graph.constant(new Array<number>(next).fill(0), 'float32', [next]);
    h = graph.op('Gemm', [h, w, b]);
    if (next !== outputs) h = graph.op('Relu', [h]);
    width = next;
  }
  graph.op('Sigmoid', [h], {}, names.output);
  graph.output(names.output, 'float32', ['N', outputs]);
  return encodeModel(graph);
}
