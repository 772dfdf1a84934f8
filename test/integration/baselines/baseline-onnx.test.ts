import { strict as assert } from 'node:assert';
import { buildBiasedStatusOnnx } from '../../../benchmark/baselines/build-biased-status-onnx.js';
import { buildTaskBaselineOnnx } from '../../../benchmark/baselines/build-task-baseline-onnx.js';
import { fitTaskBaseline } from '../../../benchmark/baselines/fit-task-baseline.js';
import {
  fitStatusBaseline,
  predictStatusBaseline,
} from '../../../benchmark/baselines/growth-status-baseline.js';
import { predictTaskBaseline } from '../../../benchmark/baselines/predict-task-baseline.js';
import { biasStatusScores } from '../../../benchmark/baselines/status-bias.js';
import { GROWTH_FORECAST } from '../../../benchmark/tasks/growth-forecast.js';
import { GROWTH_STATUS } from '../../../benchmark/tasks/growth-status.js';
import { TASK_CATALOG } from '../../../benchmark/tasks/task-catalog.js';
import { taskKey } from '../../../benchmark/tasks/task-definition.js';
import { modelContractOf } from '../../../benchmark/tasks/task-model-contract.js';
import { OnnxScorer } from '../../../node/onnx/onnx-scorer.js';
import { simCohorts, simExamples } from '../../unit/benchmark/baselines/sim-fixtures.js';

/**
 * Largest |onnx − expected| relative to max(1, |expected|): probabilities
 * are compared absolutely, values in kg or cm relatively (float32 keeps
 * about 7 significant digits).
 */
function worstError(onnx: Float32Array, expected: Float64Array): number {
  assert.equal(onnx.length, expected.length);
  let worst = 0;
  expected.forEach((value, i) => {
    worst = Math.max(worst, Math.abs((onnx[i] ?? NaN) - value) / Math.max(1, Math.abs(value)));
  });
  return worst;
}

describe('baseline ONNX models in the node’s runner (onnxruntime-node)', function () {
  this.timeout(120_000);
  let scorer: OnnxScorer;

  before(async () => {
    scorer = await OnnxScorer.create({ timeoutMs: 60_000, maxModelBytes: 8 << 20 });
  });
  after(async () => {
    await scorer.close();
  });

  for (const task of TASK_CATALOG) {
    it(`${taskKey(task)}: the graph computes what predictTaskBaseline computes (to 1e-4)`, async () => {
      const weights = fitTaskBaseline(task, simExamples(task, simCohorts(300, 'onnx-train')), {
        epochs: 3,
      });
      const heldOut = simExamples(task, simCohorts(300, 'onnx-held-out'));
      await scorer.load(buildTaskBaselineOnnx(task, weights), modelContractOf(task));
      const onnx = await scorer.score(heldOut.features, heldOut.rows);
      const expected = predictTaskBaseline(weights, heldOut.features, heldOut.rows);
      assert.ok(worstError(onnx, expected) < 1e-4);
    });
  }

  it('runs two hidden layers of 256 as predicted', async () => {
    const train = simExamples(GROWTH_FORECAST, simCohorts(300, 'onnx-train'));
    const weights = fitTaskBaseline(GROWTH_FORECAST, train, { hiddenSizes: [256, 256], epochs: 0 });
    await scorer.load(
      buildTaskBaselineOnnx(GROWTH_FORECAST, weights),
      modelContractOf(GROWTH_FORECAST),
    );
    const onnx = await scorer.score(train.features, train.rows);
    assert.ok(worstError(onnx, predictTaskBaseline(weights, train.features, train.rows)) < 1e-4);
  });

  it('the biased model computes what biasStatusScores computes (to 1e-4)', async () => {
    const train = simExamples(GROWTH_STATUS, simCohorts(300, 'onnx-train'));
    const labels = Int8Array.from(train.targets, (y) => (Number.isNaN(y) ? -1 : y));
    const weights = fitStatusBaseline(train.features, labels);
    const heldOut = simExamples(GROWTH_STATUS, simCohorts(300, 'onnx-held-out'));
    await scorer.load(buildBiasedStatusOnnx(weights), modelContractOf(GROWTH_STATUS));
    const onnx = await scorer.score(heldOut.features, heldOut.rows);
    const fair = predictStatusBaseline(weights, heldOut.features, heldOut.rows);
    const expected = biasStatusScores(heldOut.features, fair, heldOut.rows);
    assert.ok(worstError(onnx, expected) < 1e-4);
    // The flaw changes girls' scores, so the comparison is not vacuous.
    assert.ok(worstError(onnx, fair) > 0.01);
  });
});
