import { strict as assert } from 'node:assert';
import { encodeModel } from '../../../../benchmark/onnx/encode-model.js';
import { GraphBuilder } from '../../../../benchmark/onnx/graph-builder.js';
import { attr } from '../../../../benchmark/onnx/onnx-attribute.js';
import { onnxProto } from '../../../../benchmark/onnx/onnx-proto.js';
import { readModelSignature } from '../../../../benchmark/onnx/read-model-signature.js';
import { rewriteZipMapOutputs } from '../../../../benchmark/onnx/rewrite-zipmap-outputs.js';
import { toSequenceOfMapsType } from '../../../../benchmark/onnx/tensor-proto.js';
import { buildContractModel } from '../../../helpers/onnx-fixtures.js';
import { SKLEARN_NAMES, buildSklearnLogisticModel } from '../../../helpers/onnx-hostile-models.js';

const decode = (bytes: Uint8Array) => onnxProto.ModelProto.decode(bytes);
const encode = (model: ReturnType<typeof rewriteZipMapOutputs>) =>
  onnxProto.ModelProto.encode(model).finish();

/** Softmax over 3 columns, zipped with string labels; `exposed` makes the ZipMap a graph output. */
function threeClassModel(exposed: boolean): Uint8Array {
  const graph = new GraphBuilder('g');
  const x = graph.input('x', 'float32', ['N', 3]);
  const p = graph.op('Softmax', [x], { axis: attr.int(1) });
  const [zipped = ''] = graph.domainNode('ai.onnx.ml', 'ZipMap', [p], ['zipped'], {
    classlabels_strings: attr.strings(['a', 'b', 'c']),
  });
  if (exposed) graph.outputOfType(zipped, toSequenceOfMapsType('int64', 'float32'));
  graph.output(p, 'float32', ['N', 3]);
  return encodeModel(graph);
}

describe('rewriteZipMapOutputs', () => {
  it('turns a ZipMap output into the float32 [N, classes] tensor it zipped', () => {
    const rewritten = rewriteZipMapOutputs(decode(buildSklearnLogisticModel([1, 2], 0)));
    const signature = readModelSignature(encode(rewritten));
    const probability = signature.outputs.find((v) => v.name === SKLEARN_NAMES.probability);
    assert.deepEqual(probability, {
      name: SKLEARN_NAMES.probability,
      isTensor: true,
      type: 'float32',
      shape: ['N', 2],
    });
    const nodes = rewritten.graph?.node ?? [];
    assert.equal(
      nodes.some((node) => node.opType === 'ZipMap'),
      false,
    );
    const identity = nodes.find((node) => node.output?.[0] === SKLEARN_NAMES.probability);
    assert.equal(identity?.opType, 'Identity');
    assert.deepEqual(identity?.input, ['probabilities']);
  });

  it('counts string class labels', () => {
    const rewritten = rewriteZipMapOutputs(decode(threeClassModel(true)));
    const zipped = readModelSignature(encode(rewritten)).outputs.find((v) => v.name === 'zipped');
    assert.deepEqual(zipped?.shape, ['N', 3]);
  });

  it('returns the model itself when no ZipMap feeds a graph output', () => {
    const plain = decode(buildContractModel());
    assert.equal(rewriteZipMapOutputs(plain), plain);
    const internal = decode(threeClassModel(false));
    assert.equal(rewriteZipMapOutputs(internal), internal);
  });
});
