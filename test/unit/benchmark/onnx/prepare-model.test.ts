import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { prepareModel } from '../../../../benchmark/onnx/prepare-model.js';
import { readModelSignature } from '../../../../benchmark/onnx/read-model-signature.js';
import {
  buildContractModel,
  buildSlowModel,
  seededRandom,
} from '../../../helpers/onnx-fixtures.js';
import {
  SKLEARN_NAMES,
  buildExternalDataModel,
  buildSigmoidModel,
  buildSklearnLogisticModel,
} from '../../../helpers/onnx-hostile-models.js';

describe('prepareModel', () => {
  it('returns the very bytes it was given when there is nothing to rewrite', () => {
    const bytes = buildContractModel();
    assert.equal(prepareModel(bytes), bytes);
  });

  it('rewrites ZipMap outputs of a scikit-learn classifier to tensors', () => {
    const prepared = prepareModel(buildSklearnLogisticModel([1], 0));
    const output = readModelSignature(prepared).outputs.find(
      (value) => value.name === SKLEARN_NAMES.probability,
    );
    assert.equal(output?.isTensor, true);
  });

  it('refuses bytes that are not ONNX, or a ModelProto without a graph (MODEL_NOT_ONNX)', () => {
    const random = seededRandom(7);
    const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    for (const bytes of [noise, new Uint8Array(0), Uint8Array.of(0x0a, 0xff)]) {
      assert.throws(
        () => prepareModel(bytes),
        (e) => hasCode(e, 'MODEL_NOT_ONNX'),
      );
    }
  });

  it('runs the operator, opset and external-data checks', () => {
    const cases: [Uint8Array, string][] = [
      [buildSlowModel(1), 'MODEL_OPERATOR_NOT_ALLOWED'],
      [buildSigmoidModel({ opsetImports: { '': 99 } }), 'MODEL_OPSET_NOT_ALLOWED'],
      [buildExternalDataModel(), 'MODEL_EXTERNAL_DATA_NOT_ALLOWED'],
    ];
    for (const [bytes, code] of cases) {
      assert.throws(
        () => prepareModel(bytes),
        (e) => hasCode(e, code),
      );
    }
  });
});
