/**
 * Models that attack or confuse the ONNX runner, built in code (no
 * downloads), each valid for the growth.status contract (features [N, 6] →
 * probabilities [N, 6]) unless its purpose is to break it; plus a
 * scikit-learn style classifier as skl2onnx writes it.
 */
import { encodeModel } from '../../benchmark/onnx/encode-model.js';
import type { EncodeModelOptions } from '../../benchmark/onnx/encode-model.js';
import { GraphBuilder } from '../../benchmark/onnx/graph-builder.js';
import { attr } from '../../benchmark/onnx/onnx-attribute.js';
import { onnxProto } from '../../benchmark/onnx/onnx-proto.js';
import { toSequenceOfMapsType, toTensorProto } from '../../benchmark/onnx/tensor-proto.js';

/** Number of input rows as an int64 scalar: work that depends on it cannot be folded at load. */
function rowCount(graph: GraphBuilder, x: string): string {
  return graph.op('Gather', [graph.op('Shape', [x]), graph.constant([0], 'int64', [])]);
}

/** probabilities = Sigmoid(features·0 + `value`): makes `value` (a scalar) feed the output. */
function finish(graph: GraphBuilder, x: string, value: string): Uint8Array {
  const zeros = graph.op('Mul', [x, graph.constant([0], 'float32', [])]);
  graph.op('Sigmoid', [graph.op('Add', [zeros, value])], {}, 'probabilities');
  graph.output('probabilities', 'float32', ['N', 6]);
  return encodeModel(graph);
}

/**
 * A model that hangs inside one onnxruntime run using allowlisted operators
 * only: a chain of `depth` MatMuls of (`size`·rows)² zero matrices, about
 * 2·depth·size³ floating-point operations for one row (minutes at the
 * defaults). The matrix side depends on the input, so nothing is folded.
 */
export function buildHangingModel(size = 4096, depth = 64): Uint8Array {
  const graph = new GraphBuilder('hanging_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  const side = graph.op('Mul', [rowCount(graph, x), graph.constant([size], 'int64', [])]);
  const side1 = graph.op('Unsqueeze', [side, graph.constant([0], 'int64')]);
  const square = graph.op('ConstantOfShape', [
    graph.op('Concat', [side1, side1], { axis: attr.int(0) }),
  ]);
  let product = square;
  for (let i = 0; i < depth; i++) product = graph.op('MatMul', [product, square]);
  return finish(graph, x, graph.op('ReduceSum', [product], { keepdims: attr.int(0) }));
}

/**
 * The hanging chain again, but over constant (`size`)² matrices:
 * onnxruntime's constant folding computes it while building the session, so
 * this model hangs in `load`, before any data is seen.
 */
export function buildSlowLoadingModel(size = 4096, depth = 64): Uint8Array {
  const graph = new GraphBuilder('slow_loading_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  const square = graph.op('ConstantOfShape', [graph.constant([size, size], 'int64')]);
  let product = square;
  for (let i = 0; i < depth; i++) product = graph.op('MatMul', [product, square]);
  return finish(graph, x, graph.op('ReduceSum', [product], { keepdims: attr.int(0) }));
}

/**
 * A model that allocates `bytesPerRow` bytes per input row in one tensor
 * (filled with ones, so every page is touched) and reduces it to a scalar.
 */
export function buildMemoryHogModel(bytesPerRow: number): Uint8Array {
  const graph = new GraphBuilder('memory_hog_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  const floats = graph.op('Mul', [
    rowCount(graph, x),
    graph.constant([bytesPerRow / 4], 'int64', []),
  ]);
  const shape = graph.op('Unsqueeze', [floats, graph.constant([0], 'int64')]);
  const one = toTensorProto('one', 'float32', [1], [1]);
  const big = graph.op('ConstantOfShape', [shape], { value: attr.tensor(one) });
  return finish(graph, x, graph.op('ReduceSum', [big], { keepdims: attr.int(0) }));
}

/**
 * A model that declares probabilities [N, 6] but produces [2N, 3] at run
 * time: the new shape is computed from the input, so no load-time shape
 * check can see it.
 */
export function buildRuntimeShapeModel(): Uint8Array {
  const graph = new GraphBuilder('runtime_shape_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  const columns = graph.op('Gather', [graph.op('Shape', [x]), graph.constant([1], 'int64')]);
  const half = graph.op('Div', [columns, graph.constant([2], 'int64')]);
  const shape = graph.op('Concat', [graph.constant([-1], 'int64'), half], { axis: attr.int(0) });
  graph.op('Reshape', [graph.op('Sigmoid', [x]), shape], {}, 'probabilities');
  graph.output('probabilities', 'float32', ['N', 6]);
  return encodeModel(graph);
}

/** A contract-valid model whose every output row is `row` (6 values, any floats). */
export function buildConstantRowModel(row: readonly number[]): Uint8Array {
  const graph = new GraphBuilder('constant_row_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  const zeros = graph.op('Mul', [x, graph.constant([0], 'float32', [])]);
  graph.op('Add', [zeros, graph.constant(row)], {}, 'probabilities');
  graph.output('probabilities', 'float32', ['N', 6]);
  return encodeModel(graph);
}

/** A contract-valid model computing Sigmoid(features), encoded with `options` (e.g. other opsets). */
export function buildSigmoidModel(options: EncodeModelOptions = {}): Uint8Array {
  const graph = new GraphBuilder('sigmoid_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  graph.op('Sigmoid', [x], {}, 'probabilities');
  graph.output('probabilities', 'float32', ['N', 6]);
  return encodeModel(graph, options);
}

/** A model calling `opType` of the custom operator set `domain` (native code of unknown origin). */
export function buildCustomOperatorModel(
  domain = 'com.example.custom',
  opType = 'Leak',
): Uint8Array {
  const graph = new GraphBuilder('custom_operator_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  graph.domainNode(domain, opType, [x], ['probabilities']);
  graph.output('probabilities', 'float32', ['N', 6]);
  return encodeModel(graph);
}

/** The Sigmoid model with a weight kept in an external file (`location`), as large exports do. */
export function buildExternalDataModel(location = '../../etc/passwd'): Uint8Array {
  const graph = new GraphBuilder('external_data_fixture');
  const x = graph.input('features', 'float32', ['N', 6]);
  const weight = graph.initializer('weight', 'float32', [6], [1, 1, 1, 1, 1, 1]);
  graph.op('Sigmoid', [graph.op('Mul', [x, weight])], {}, 'probabilities');
  graph.output('probabilities', 'float32', ['N', 6]);
  const model = onnxProto.ModelProto.decode(encodeModel(graph));
  const tensor = model.graph?.initializer?.[0];
  if (tensor) {
    tensor.rawData = new Uint8Array();
    tensor.dataLocation = onnxProto.TensorProto.DataLocation.EXTERNAL;
    tensor.externalData = [
      onnxProto.StringStringEntryProto.create({ key: 'location', value: location }),
    ];
  }
  return onnxProto.ModelProto.encode(model).finish();
}

/** Names skl2onnx gives a classifier's input and outputs. */
export const SKLEARN_NAMES = {
  input: 'float_input',
  label: 'output_label',
  probability: 'output_probability',
} as const;

/**
 * A binary logistic regression as skl2onnx exports it by default:
 * LinearClassifier (coefficients and intercepts of both classes, the
 * negative class negated) → Normalizer (L1) → ZipMap, so
 * `output_probability` is seq(map(int64 → float)); `output_label` is int64
 * [N]. P(class 1) = sigmoid(weights·x + intercept). The input's batch
 * dimension is unnamed, as skl2onnx writes it.
 */
export function buildSklearnLogisticModel(
  weights: readonly number[],
  intercept: number,
): Uint8Array {
  const graph = new GraphBuilder('sklearn_logistic_fixture');
  const x = graph.input(SKLEARN_NAMES.input, 'float32', ['', weights.length]);
  const ml = 'ai.onnx.ml';
  const [label = '', scores = ''] = graph.domainNode(
    ml,
    'LinearClassifier',
    [x],
    ['label', 'probability_tensor'],
    {
      classlabels_ints: attr.ints([0, 1]),
      coefficients: attr.floats([...weights.map((w) => -w), ...weights]),
      intercepts: attr.floats([-intercept, intercept]),
      multi_class: attr.int(0),
      post_transform: attr.string('LOGISTIC'),
    },
  );
  const [probabilities = ''] = graph.domainNode(ml, 'Normalizer', [scores], ['probabilities'], {
    norm: attr.string('L1'),
  });
  graph.op('Cast', [label], { to: attr.elementType('int64') }, SKLEARN_NAMES.label);
  graph.domainNode(ml, 'ZipMap', [probabilities], [SKLEARN_NAMES.probability], {
    classlabels_int64s: attr.ints([0, 1]),
  });
  graph.output(SKLEARN_NAMES.label, 'int64', ['']);
  graph.outputOfType(SKLEARN_NAMES.probability, toSequenceOfMapsType('int64', 'float32'));
  return encodeModel(graph);
}
