import { strict as assert } from 'node:assert';
import type { onnx } from 'onnx-proto';
import { hasCode } from '../../../../benchmark/errors.js';
import { assertSelfContained } from '../../../../benchmark/onnx/assert-self-contained.js';
import { onnxProto } from '../../../../benchmark/onnx/onnx-proto.js';
import { toTensorProto } from '../../../../benchmark/onnx/tensor-proto.js';
import { buildContractModel } from '../../../helpers/onnx-fixtures.js';
import { buildExternalDataModel } from '../../../helpers/onnx-hostile-models.js';

const external: onnx.ITensorProto = {
  ...toTensorProto('w', 'float32', [1], [0]),
  rawData: new Uint8Array(),
  dataLocation: onnxProto.TensorProto.DataLocation.EXTERNAL,
  externalData: [{ key: 'location', value: 'weights.bin' }],
};

function refused(model: onnx.IModelProto): boolean {
  try {
    assertSelfContained(model);
    return false;
  } catch (error) {
    return hasCode(error, 'MODEL_EXTERNAL_DATA_NOT_ALLOWED');
  }
}

describe('assertSelfContained', () => {
  it('accepts a model whose tensors are inline', () => {
    assert.equal(refused(onnxProto.ModelProto.decode(buildContractModel())), false);
  });

  it('refuses an initializer kept in an external file', () => {
    assert.equal(refused(onnxProto.ModelProto.decode(buildExternalDataModel())), true);
  });

  it('refuses external data in a Constant attribute and in a sparse initializer', () => {
    const constant: onnx.INodeProto = {
      opType: 'Constant',
      output: ['c'],
      attribute: [
        { name: 'value', type: onnxProto.AttributeProto.AttributeType.TENSOR, t: external },
      ],
    };
    assert.equal(refused({ graph: { node: [constant] } }), true);
    const inline = toTensorProto('i', 'int64', [1], [0]);
    assert.equal(
      refused({ graph: { sparseInitializer: [{ values: external, indices: inline }] } }),
      true,
    );
    assert.equal(
      refused({ graph: { sparseInitializer: [{ values: inline, indices: inline }] } }),
      false,
    );
  });

  it('refuses a tensor that names external data without setting its location', () => {
    const named = { ...external, dataLocation: onnxProto.TensorProto.DataLocation.DEFAULT };
    assert.equal(refused({ graph: { initializer: [named] } }), true);
  });
});
