import { strict as assert } from 'node:assert';
import type { onnx } from 'onnx-proto';
import { buildStatusFeaturesOnnx } from '../../../../benchmark/baselines/build-status-features-onnx.js';
import { hasCode } from '../../../../benchmark/errors.js';
import { assertModelOperators } from '../../../../benchmark/onnx/assert-model-operators.js';
import { encodeModel } from '../../../../benchmark/onnx/encode-model.js';
import { GraphBuilder } from '../../../../benchmark/onnx/graph-builder.js';
import { attr } from '../../../../benchmark/onnx/onnx-attribute.js';
import { onnxProto } from '../../../../benchmark/onnx/onnx-proto.js';
import { DEFAULT_OPERATOR_POLICY } from '../../../../benchmark/onnx/operator-policy.js';
import type { OperatorPolicy } from '../../../../benchmark/onnx/operator-policy.js';
import {
  buildContractModel,
  buildNonFiniteModel,
  buildSlowModel,
} from '../../../helpers/onnx-fixtures.js';
import {
  buildCustomOperatorModel,
  buildHangingModel,
  buildMemoryHogModel,
  buildSigmoidModel,
  buildSklearnLogisticModel,
} from '../../../helpers/onnx-hostile-models.js';

/** The code `assertModelOperators` throws for `bytes`, or undefined when it accepts them. */
function codeOf(bytes: Uint8Array, policy?: OperatorPolicy): string | undefined {
  try {
    assertModelOperators(onnxProto.ModelProto.decode(bytes), policy);
    return undefined;
  } catch (error) {
    for (const code of ['MODEL_OPERATOR_NOT_ALLOWED', 'MODEL_OPSET_NOT_ALLOWED']) {
      if (hasCode(error, code)) return code;
    }
    return 'other';
  }
}

/** A Sigmoid model with one more default-domain node of `opType` carrying a subgraph. */
function controlFlowModel(opType: 'If' | 'Scan'): Uint8Array {
  const body = new GraphBuilder('body', { prefix: 'b_' });
  body.output(body.op('Identity', [body.input('b_x', 'float32', [])]), 'float32', []);
  const graph = new GraphBuilder('g');
  const x = graph.input('features', 'float32', ['N', 6]);
  const branch = attr.graph(body.toGraphProto());
  graph.op(
    opType,
    [x],
    opType === 'If' ? { then_branch: branch, else_branch: branch } : { body: branch },
  );
  graph.op('Sigmoid', [x], {}, 'probabilities');
  graph.output('probabilities', 'float32', ['N', 6]);
  return encodeModel(graph);
}

function withFunction(bytes: Uint8Array): Uint8Array {
  const model = onnxProto.ModelProto.decode(bytes);
  const local: onnx.IFunctionProto = { name: 'Sigmoid', domain: 'local', node: [] };
  model.functions = [onnxProto.FunctionProto.create(local)];
  return onnxProto.ModelProto.encode(model).finish();
}

describe('assertModelOperators', () => {
  it('accepts the baselines, the fixtures and a scikit-learn classifier', () => {
    const models = [
      buildStatusFeaturesOnnx(),
      buildContractModel(),
      buildNonFiniteModel(),
      buildSklearnLogisticModel([1, 2], 0),
      // Hostile through their sizes, not their operators: the runner's limits stop them.
      buildHangingModel(),
      buildMemoryHogModel(1024),
    ];
    assert.deepEqual(
      models.map((bytes) => codeOf(bytes)),
      models.map(() => undefined),
    );
  });

  it('refuses control flow: Loop, If and Scan (MODEL_OPERATOR_NOT_ALLOWED)', () => {
    assert.equal(codeOf(buildSlowModel(1)), 'MODEL_OPERATOR_NOT_ALLOWED');
    assert.equal(codeOf(controlFlowModel('If')), 'MODEL_OPERATOR_NOT_ALLOWED');
    assert.equal(codeOf(controlFlowModel('Scan')), 'MODEL_OPERATOR_NOT_ALLOWED');
  });

  it('refuses custom domains, unknown default-domain operators and local functions', () => {
    assert.equal(codeOf(buildCustomOperatorModel()), 'MODEL_OPERATOR_NOT_ALLOWED');
    assert.equal(codeOf(buildCustomOperatorModel('', 'Upsample')), 'MODEL_OPERATOR_NOT_ALLOWED');
    assert.equal(
      codeOf(buildCustomOperatorModel('ai.onnx.ml', 'SVMClassifier')),
      'MODEL_OPERATOR_NOT_ALLOWED',
    );
    assert.equal(codeOf(withFunction(buildSigmoidModel())), 'MODEL_OPERATOR_NOT_ALLOWED');
  });

  it('accepts `ai.onnx` as a spelling of the default domain', () => {
    const model = onnxProto.ModelProto.decode(buildSigmoidModel());
    const node = model.graph?.node?.[0];
    assert.ok(node);
    node.domain = 'ai.onnx';
    assert.equal(codeOf(onnxProto.ModelProto.encode(model).finish()), undefined);
  });

  it('accepts default-domain opsets 9 to 22 and ai.onnx.ml 1 to 5 only', () => {
    const opset = (imports: Record<string, number>) =>
      codeOf(buildSigmoidModel({ opsetImports: imports }));
    assert.deepEqual(
      [9, 22, 8, 23].map((version) => opset({ '': version })),
      [undefined, undefined, 'MODEL_OPSET_NOT_ALLOWED', 'MODEL_OPSET_NOT_ALLOWED'],
    );
    assert.deepEqual(
      [1, 5, 6].map((version) => opset({ 'ai.onnx.ml': version })),
      [undefined, undefined, 'MODEL_OPSET_NOT_ALLOWED'],
    );
    assert.equal(opset({ 'com.example.custom': 1 }), 'MODEL_OPSET_NOT_ALLOWED');
  });

  it('applies the policy it is given', () => {
    const rule = DEFAULT_OPERATOR_POLICY.get('');
    assert.ok(rule);
    const sigmoidOnly: OperatorPolicy = new Map([
      ['', { ...rule, operators: new Set(['Sigmoid']) }],
    ]);
    assert.equal(codeOf(buildSigmoidModel(), sigmoidOnly), undefined);
    assert.equal(codeOf(buildContractModel(), sigmoidOnly), 'MODEL_OPERATOR_NOT_ALLOWED');
  });
});
