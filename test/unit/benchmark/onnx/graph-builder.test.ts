import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import {
  ONNX_IR_VERSION,
  ONNX_ML_OPSET_VERSION,
  ONNX_OPSET_VERSION,
  encodeModel,
} from '../../../../benchmark/onnx/encode-model.js';
import { GraphBuilder } from '../../../../benchmark/onnx/graph-builder.js';
import { attr } from '../../../../benchmark/onnx/onnx-attribute.js';
import { onnxProto } from '../../../../benchmark/onnx/onnx-proto.js';
import { toSequenceOfMapsType } from '../../../../benchmark/onnx/tensor-proto.js';

function decode(bytes: Uint8Array) {
  return onnxProto.ModelProto.decode(bytes);
}

describe('GraphBuilder and encodeModel', () => {
  it('writes IR version 8, opset 17 and metadata_props', () => {
    const graph = new GraphBuilder('g');
    graph.op('Identity', [graph.input('x', 'float32', ['N', 2])], {}, 'y');
    graph.output('y', 'float32', ['N', 2]);
    const model = decode(encodeModel(graph, { metadata: { 'centile.task': 'growth.status/v1' } }));
    assert.equal(Number(model.irVersion), ONNX_IR_VERSION);
    assert.equal(ONNX_IR_VERSION, 8);
    assert.deepEqual(
      model.opsetImport.map((o) => [o.domain, Number(o.version)]),
      [['', ONNX_OPSET_VERSION]],
    );
    assert.equal(ONNX_OPSET_VERSION, 17);
    assert.deepEqual(
      model.metadataProps.map((p) => [p.key, p.value]),
      [['centile.task', 'growth.status/v1']],
    );
  });

  it('declares symbolic and fixed dimensions with their element type', () => {
    const graph = new GraphBuilder('g');
    graph.input('x', 'int64', ['N', 6]);
    const input = decode(encodeModel(graph)).graph?.input?.[0];
    const tensor = input?.type?.tensorType;
    assert.equal(tensor?.elemType, onnxProto.TensorProto.DataType.INT64);
    assert.deepEqual(
      tensor?.shape?.dim?.map((d) => d.dimParam || Number(d.dimValue)),
      ['N', 6],
    );
  });

  it('stores initializers as little-endian raw data with their dims', () => {
    const graph = new GraphBuilder('g');
    graph.initializer('w', 'float32', [2, 2], [1.5, -2, 0.25, 3]);
    graph.initializer('k', 'int64', [], [-7]);
    graph.initializer('b', 'bool', [2], [1, 0]);
    const [w, k, b] = decode(encodeModel(graph)).graph?.initializer ?? [];
    const view = (bytes: Uint8Array) =>
      new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    assert.deepEqual(w?.dims?.map(Number), [2, 2]);
    const wData = view(w?.rawData ?? new Uint8Array());
    assert.deepEqual(
      [0, 1, 2, 3].map((i) => wData.getFloat32(i * 4, true)),
      [1.5, -2, 0.25, 3],
    );
    assert.equal(view(k?.rawData ?? new Uint8Array(8)).getBigInt64(0, true), -7n);
    assert.deepEqual([...(b?.rawData ?? [])], [1, 0]);
    assert.equal(k?.dataType, onnxProto.TensorProto.DataType.INT64);
  });

  it('keeps int and float attributes apart and nests subgraphs', () => {
    const body = new GraphBuilder('body', { prefix: 'b_' });
    body.output(body.op('Identity', [body.input('c', 'bool', [])]), 'bool', []);
    const graph = new GraphBuilder('g');
    const x = graph.input('x', 'float32', ['N', 6]);
    graph.op('Concat', [x, x], { axis: attr.int(1) });
    graph.op('LeakyRelu', [x], { alpha: attr.float(0.5) });
    graph.op('Cast', [x], { to: attr.elementType('int64') });
    graph.op('If', ['cond'], { then_branch: attr.graph(body.toGraphProto()) });
    const nodes = decode(encodeModel(graph)).graph?.node ?? [];
    const kind = onnxProto.AttributeProto.AttributeType;
    assert.deepEqual(
      nodes.map((n) => [n.opType, n.attribute?.[0]?.type]),
      [
        ['Concat', kind.INT],
        ['LeakyRelu', kind.FLOAT],
        ['Cast', kind.INT],
        ['If', kind.GRAPH],
      ],
    );
    assert.equal(Number(nodes[2]?.attribute?.[0]?.i), onnxProto.TensorProto.DataType.INT64);
    assert.equal(nodes[3]?.attribute?.[0]?.g?.node?.[0]?.output?.[0]?.startsWith('b_'), true);
  });

  it('generates unique names and refuses a name assigned twice', () => {
    const graph = new GraphBuilder('g');
    const x = graph.input('x', 'float32', [1]);
    assert.notEqual(graph.op('Neg', [x]), graph.op('Neg', [x]));
    assert.throws(
      () => graph.input('x', 'float32', [1]),
      (e) => hasCode(e, 'ONNX_GRAPH_INVALID'),
    );
    assert.throws(
      () => graph.op('Neg', [x], {}, x),
      (e) => hasCode(e, 'ONNX_GRAPH_INVALID'),
    );
  });

  it('refuses initializer values that do not fill the dims', () => {
    const graph = new GraphBuilder('g');
    assert.throws(
      () => graph.initializer('w', 'float32', [2, 3], [1, 2, 3]),
      (e) => hasCode(e, 'ONNX_GRAPH_INVALID'),
    );
  });

  it('returns bytes in a buffer of their own', () => {
    const bytes = encodeModel(new GraphBuilder('g'));
    assert.equal(bytes.byteOffset, 0);
    assert.equal(bytes.buffer.byteLength, bytes.byteLength);
  });

  it('imports ai.onnx.ml when a node uses it, and honours explicit opset imports', () => {
    const graph = new GraphBuilder('g');
    const x = graph.input('x', 'float32', ['N', 2]);
    const [y] = graph.domainNode('ai.onnx.ml', 'Normalizer', [x], ['y'], {
      norm: attr.string('L1'),
    });
    graph.output(y ?? '', 'float32', ['N', 2]);
    const imports = (bytes: Uint8Array) =>
      decode(bytes).opsetImport.map((o) => [o.domain, Number(o.version)]);
    assert.deepEqual(imports(encodeModel(graph)), [
      ['', ONNX_OPSET_VERSION],
      ['ai.onnx.ml', ONNX_ML_OPSET_VERSION],
    ]);
    assert.deepEqual(imports(encodeModel(graph, { opsetImports: { '': 21, 'com.x': 2 } })), [
      ['', 21],
      ['ai.onnx.ml', ONNX_ML_OPSET_VERSION],
      ['com.x', 2],
    ]);
    const node = decode(encodeModel(graph)).graph?.node?.[0];
    assert.equal(node?.domain, 'ai.onnx.ml');
  });

  it('writes string-list attributes', () => {
    const graph = new GraphBuilder('g');
    graph.domainNode('ai.onnx.ml', 'ZipMap', ['p'], ['z'], {
      classlabels_strings: attr.strings(['a', 'bc']),
    });
    const attribute = decode(encodeModel(graph)).graph?.node?.[0]?.attribute?.[0];
    assert.equal(attribute?.type, onnxProto.AttributeProto.AttributeType.STRINGS);
    assert.deepEqual(
      attribute?.strings?.map((s) => new TextDecoder().decode(s)),
      ['a', 'bc'],
    );
  });

  it('declares outputs of any type, such as a sequence of maps', () => {
    const graph = new GraphBuilder('g');
    graph.input('x', 'float32', ['N', 2]);
    graph.outputOfType('zipped', toSequenceOfMapsType('int64', 'float32'));
    const type = decode(encodeModel(graph)).graph?.output?.[0]?.type;
    const map = type?.sequenceType?.elemType?.mapType;
    assert.equal(map?.keyType, onnxProto.TensorProto.DataType.INT64);
    assert.equal(map?.valueType?.tensorType?.elemType, onnxProto.TensorProto.DataType.FLOAT);
  });
});
