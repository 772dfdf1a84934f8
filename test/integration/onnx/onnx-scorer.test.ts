import { strict as assert } from 'node:assert';
import { buildStatusBaselineOnnx } from '../../../benchmark/baselines/build-status-baseline-onnx.js';
import {
  STATUS_FEATURES_OUTPUT_NAME,
  buildStatusFeaturesOnnx,
} from '../../../benchmark/baselines/build-status-features-onnx.js';
import {
  fitStatusBaseline,
  predictStatusBaseline,
} from '../../../benchmark/baselines/growth-status-baseline.js';
import {
  STATUS_ENGINEERED_FEATURES,
  statusFeatures,
} from '../../../benchmark/baselines/status-features.js';
import { hasCode } from '../../../benchmark/errors.js';
import { GROWTH_STATUS } from '../../../benchmark/tasks/growth-status.js';
import { modelContractOf } from '../../../benchmark/tasks/task-model-contract.js';
import type { ModelContract } from '../../../benchmark/onnx/model-contract.js';
import { OnnxScorer } from '../../../node/onnx/onnx-scorer.js';
import { buildContractModel, makeStatusSample } from '../../helpers/onnx-fixtures.js';
import type { ContractBreak } from '../../helpers/onnx-fixtures.js';

const contract = modelContractOf(GROWTH_STATUS);

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
  return worst;
}

describe('OnnxScorer (onnxruntime-node in a child process)', function () {
  this.timeout(60_000);
  // Refused loads and scores leave the runner serving, so one scorer serves these tests.
  let scorer: OnnxScorer;

  before(async () => {
    // Small batches so a few thousand rows cross several batch boundaries.
    scorer = await OnnxScorer.create({
      timeoutMs: 30_000,
      maxModelBytes: 1 << 20,
      batchRows: 1000,
    });
  });
  after(async () => {
    await scorer.close();
  });

  it('scores the baseline exactly as the TypeScript prediction (to 1e-4)', async () => {
    const training = makeStatusSample(3000, 20);
    const weights = fitStatusBaseline(training.input, training.labels);
    const sample = makeStatusSample(2500, 21);
    await scorer.load(buildStatusBaselineOnnx(weights), contract);
    const output = await scorer.score(sample.input, sample.rows);
    assert.equal(output.length, sample.rows * 6);
    const expected = predictStatusBaseline(weights, sample.input, sample.rows);
    assert.ok(maxAbsDifference(output, expected) < 1e-4);
  });

  it('computes the engineered features in the graph as statusFeatures does (to 1e-4)', async () => {
    const sample = makeStatusSample(2500, 22);
    const featuresContract: ModelContract = {
      ...contract,
      outputName: STATUS_FEATURES_OUTPUT_NAME,
      outputColumns: STATUS_ENGINEERED_FEATURES.length,
    };
    await scorer.load(buildStatusFeaturesOnnx(), featuresContract);
    const output = await scorer.score(sample.input, sample.rows);
    assert.ok(maxAbsDifference(output, statusFeatures(sample.input, sample.rows)) < 1e-4);
  });

  const breaks: [ContractBreak, string][] = [
    ['input-name', 'MODEL_INPUT_MISMATCH'],
    ['input-columns', 'MODEL_INPUT_MISMATCH'],
    ['input-dtype', 'MODEL_INPUT_MISMATCH'],
    ['input-fixed-batch', 'MODEL_INPUT_MISMATCH'],
    ['input-rank', 'MODEL_INPUT_MISMATCH'],
    ['extra-input', 'MODEL_INPUT_MISMATCH'],
    ['output-name', 'MODEL_OUTPUT_MISMATCH'],
    ['output-columns', 'MODEL_OUTPUT_MISMATCH'],
    ['output-dtype', 'MODEL_OUTPUT_MISMATCH'],
  ];
  for (const [defect, code] of breaks) {
    it(`refuses a model with ${defect}: ${code}`, async () => {
      await assert.rejects(scorer.load(buildContractModel(defect), contract), (e) =>
        hasCode(e, code),
      );
    });
  }

  it('forgets the previous model when a load is refused', async () => {
    await scorer.load(buildContractModel(), contract);
    await assert.rejects(scorer.load(buildContractModel('input-name'), contract));
    await assert.rejects(scorer.score(new Float32Array(6), 1), (e) =>
      hasCode(e, 'MODEL_NOT_LOADED'),
    );
  });

  it('checks score arguments against the contract (SCORE_INPUT_INVALID)', async () => {
    await scorer.load(buildContractModel(), contract);
    const invalid = (e: unknown) => hasCode(e, 'SCORE_INPUT_INVALID');
    await assert.rejects(scorer.score(new Float32Array(7), 1), invalid);
    await assert.rejects(scorer.score(new Float32Array(6), 1.5), invalid);
    await assert.rejects(scorer.score(new Float32Array(0), -1), invalid);
    assert.equal((await scorer.score(new Float32Array(0), 0)).length, 0);
  });

  it('refuses a malformed contract before reading the model (MODEL_CONTRACT_INVALID)', async () => {
    const malformed: ModelContract[] = [
      { ...contract, inputName: '' },
      { ...contract, outputColumns: 0 },
      { ...contract, inputColumns: 1.5 },
      // Class pairs reduce to one column only.
      { ...contract, acceptsClassPairs: true },
    ];
    for (const bad of malformed) {
      await assert.rejects(scorer.load(buildContractModel(), bad), (e) =>
        hasCode(e, 'MODEL_CONTRACT_INVALID'),
      );
    }
  });

  it('serialises concurrent calls and leaves the caller’s buffers intact', async () => {
    await scorer.load(buildContractModel(), contract);
    const input = new Float32Array(4 * 6).fill(0);
    const [a, b] = await Promise.all([
      scorer.score(input, 4),
      scorer.score(input.subarray(6, 18), 2),
    ]);
    assert.deepEqual([...a], new Array<number>(24).fill(0.5));
    assert.deepEqual([...b], new Array<number>(12).fill(0.5));
    assert.equal(input.length, 24);
    assert.deepEqual([...input], new Array<number>(24).fill(0));
  });

  it('refuses a model over the size limit before sending it (MODEL_TOO_LARGE)', async () => {
    await assert.rejects(scorer.load(new Uint8Array((1 << 20) + 1), contract), (e) =>
      hasCode(e, 'MODEL_TOO_LARGE'),
    );
  });
});

describe('OnnxScorer lifecycle', function () {
  this.timeout(60_000);

  it('refuses every call after close (SCORER_CLOSED); close is idempotent', async () => {
    const scorer = await OnnxScorer.create({ timeoutMs: 30_000, maxModelBytes: 1 << 20 });
    await scorer.close();
    await scorer.close();
    await assert.rejects(scorer.load(buildContractModel(), contract), (e) =>
      hasCode(e, 'SCORER_CLOSED'),
    );
  });

  it('validates its options all at once (SCORER_OPTIONS_INVALID)', async () => {
    await assert.rejects(OnnxScorer.create({ timeoutMs: 0, maxModelBytes: -1 }), (e) =>
      hasCode(e, 'SCORER_OPTIONS_INVALID'),
    );
  });

  it('reports a runner that cannot start as SCORER_UNAVAILABLE', async () => {
    const runnerUrl = new URL('./no-such-runner.js', import.meta.url);
    await assert.rejects(
      OnnxScorer.create({ timeoutMs: 1000, maxModelBytes: 1024, runnerUrl }),
      (e) => hasCode(e, 'SCORER_UNAVAILABLE'),
    );
  });
});
