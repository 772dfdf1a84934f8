import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { encodeModel } from '../../../../benchmark/onnx/encode-model.js';
import { GraphBuilder } from '../../../../benchmark/onnx/graph-builder.js';
import { onnxProto } from '../../../../benchmark/onnx/onnx-proto.js';
import { readModelSignature } from '../../../../benchmark/onnx/read-model-signature.js';
import { toValueInfoProto } from '../../../../benchmark/onnx/tensor-proto.js';

describe('readModelSignature', () => {
  it('reads names, element types and shapes of inputs and outputs', () => {
    const graph = new GraphBuilder('g');
    const x = graph.input('features', 'float32', ['N', 6]);
    graph.op('Sigmoid', [x], {}, 'probabilities');
    graph.output('probabilities', 'float32', ['N', 6]);
    assert.deepEqual(readModelSignature(encodeModel(graph)), {
      inputs: [{ name: 'features', isTensor: true, type: 'float32', shape: ['N', 6] }],
      outputs: [{ name: 'probabilities', isTensor: true, type: 'float32', shape: ['N', 6] }],
    });
  });

  it('leaves out initializers that are also listed as inputs', () => {
    const graph = new GraphBuilder('g');
    graph.input('features', 'float32', ['N', 6]);
    graph.initializer('w', 'float32', [1], [2]);
    const proto = graph.toGraphProto();
    proto.input = [...(proto.input ?? []), toValueInfoProto('w', 'float32', [1])];
    const bytes = onnxProto.ModelProto.encode({ irVersion: 8, graph: proto }).finish();
    assert.deepEqual(
      readModelSignature(bytes).inputs.map((v) => v.name),
      ['features'],
    );
  });

  it('reports an unnamed dynamic dimension as an empty string and a sequence as a non-tensor', () => {
    const graph = {
      input: [
        {
          name: 'x',
          type: { tensorType: { elemType: 11, shape: { dim: [{}, { dimValue: 3 }] } } },
        },
      ],
      output: [{ name: 'y', type: { sequenceType: {} } }],
    };
    const bytes = onnxProto.ModelProto.encode({ irVersion: 8, graph }).finish();
    assert.deepEqual(readModelSignature(bytes), {
      inputs: [{ name: 'x', isTensor: true, type: 'float64', shape: ['', 3] }],
      outputs: [{ name: 'y', isTensor: false, type: 'unknown', shape: [] }],
    });
  });

  it('refuses bytes that are not a ModelProto with a graph', () => {
    const notOnnx = (e: unknown) => hasCode(e, 'MODEL_NOT_ONNX');
    assert.throws(
      () => readModelSignature(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])),
      notOnnx,
    );
    assert.throws(() => readModelSignature(new TextEncoder().encode('not a model')), notOnnx);
    assert.throws(() => readModelSignature(new Uint8Array(0)), notOnnx);
  });
});
