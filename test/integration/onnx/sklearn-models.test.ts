/**
 * A classifier as scikit-learn's exporter (skl2onnx) writes it by default:
 * LinearClassifier → Normalizer → ZipMap, whose seq(map) output the runner
 * rewrites to the probability tensor at load.
 */
import { strict as assert } from 'node:assert';
import { hasCode } from '../../../benchmark/errors.js';
import type { ModelContract } from '../../../benchmark/onnx/model-contract.js';
import { OnnxScorer } from '../../../node/onnx/onnx-scorer.js';
import { seededRandom } from '../../helpers/onnx-fixtures.js';
import { SKLEARN_NAMES, buildSklearnLogisticModel } from '../../helpers/onnx-hostile-models.js';

const weights = [0.8, -1.5, 0.25, 2];
const intercept = -0.3;
const positive: ModelContract = {
  inputName: SKLEARN_NAMES.input,
  inputColumns: weights.length,
  outputName: SKLEARN_NAMES.probability,
  outputColumns: 1,
  acceptsClassPairs: true,
};

/** P(class 1) of each row, as scikit-learn's LogisticRegression.predict_proba computes it. */
function expectedProbability(input: Float32Array, rows: number): number[] {
  return Array.from({ length: rows }, (_, row) => {
    const z = weights.reduce((sum, w, j) => sum + w * (input[row * weights.length + j] ?? NaN), 0);
    return 1 / (1 + Math.exp(-(z + intercept)));
  });
}

function randomInput(rows: number): Float32Array {
  const random = seededRandom(11);
  return Float32Array.from({ length: rows * weights.length }, () => 4 * random() - 2);
}

describe('scikit-learn style models', function () {
  this.timeout(30_000);
  let scorer: OnnxScorer;

  before(async () => {
    scorer = await OnnxScorer.create({ timeoutMs: 30_000, maxModelBytes: 1 << 20, batchRows: 64 });
  });
  after(async () => {
    await scorer.close();
  });

  it('reads the positive class of a ZipMap classifier with acceptsClassPairs', async () => {
    const rows = 300;
    const input = randomInput(rows);
    await scorer.load(buildSklearnLogisticModel(weights, intercept), positive);
    const output = await scorer.score(input, rows);
    assert.equal(output.length, rows);
    const expected = expectedProbability(input, rows);
    output.forEach((p, row) => assert.ok(Math.abs(p - (expected[row] ?? NaN)) < 1e-6));
  });

  it('returns both class columns to a two-column contract', async () => {
    const rows = 100;
    const input = randomInput(rows);
    const pairs = { ...positive, outputColumns: 2, acceptsClassPairs: false };
    await scorer.load(buildSklearnLogisticModel(weights, intercept), pairs);
    const output = await scorer.score(input, rows);
    const expected = expectedProbability(input, rows);
    for (let row = 0; row < rows; row++) {
      assert.ok(Math.abs((output[row * 2 + 1] ?? NaN) - (expected[row] ?? NaN)) < 1e-6);
      assert.ok(Math.abs((output[row * 2] ?? NaN) + (output[row * 2 + 1] ?? NaN) - 1) < 1e-6);
    }
  });

  it('refuses class pairs for a one-column contract without acceptsClassPairs', async () => {
    const strict = { ...positive, acceptsClassPairs: false };
    await assert.rejects(scorer.load(buildSklearnLogisticModel(weights, intercept), strict), (e) =>
      hasCode(e, 'MODEL_OUTPUT_MISMATCH'),
    );
  });
});
