import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { buildStatusBaselineOnnx } from '../../../../benchmark/baselines/build-status-baseline-onnx.js';
import {
  STATUS_FEATURES_OUTPUT_NAME,
  buildStatusFeaturesOnnx,
} from '../../../../benchmark/baselines/build-status-features-onnx.js';
import {
  fitStatusBaseline,
  predictStatusBaseline,
} from '../../../../benchmark/baselines/growth-status-baseline.js';
import {
  STATUS_ENGINEERED_FEATURES,
  statusFeatures,
} from '../../../../benchmark/baselines/status-features.js';
import { GROWTH_STATUS_MODEL_CONTRACT } from '../../../../benchmark/onnx/model-contract.js';
import type { ModelContract } from '../../../../benchmark/onnx/model-contract.js';
import { OnnxScorer } from '../../../../node/onnx/onnx-scorer.js';
import {
  NON_FINITE_OUTPUT,
  buildContractModel,
  buildNonFiniteModel,
  makeStatusSample,
  seededRandom,
} from '../../../helpers/onnx-fixtures.js';
import type { ContractBreak } from '../../../helpers/onnx-fixtures.js';

const contract = GROWTH_STATUS_MODEL_CONTRACT;

function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.equal(a.length, b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
  return worst;
}

describe('OnnxScorer (onnxruntime-node in a worker thread)', function () {
  this.timeout(60_000);
  let scorer: OnnxScorer;

  beforeEach(async () => {
    // Small batches so a few thousand rows cross several batch boundaries.
    scorer = await OnnxScorer.create({
      timeoutMs: 30_000,
      maxModelBytes: 1 << 20,
      batchRows: 1000,
    });
  });
  afterEach(async () => {
    await scorer.close();
  });

  it('scores the baseline exactly as the TypeScript prediction (to 1e-4)', async () => {
    const weights = fitStatusBaseline(...trainingData());
    const sample = makeStatusSample(2500, 21);
    await scorer.load(buildStatusBaselineOnnx(weights), contract);
    const output = await scorer.score(sample.input, sample.rows);
    assert.equal(output.length, sample.rows * 6);
    assert.ok(
      maxAbsDifference(output, predictStatusBaseline(weights, sample.input, sample.rows)) < 1e-4,
    );
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

  it('returns NaN and ±Infinity outputs as they are, for the caller to count invalid', async () => {
    await scorer.load(buildNonFiniteModel(), contract);
    const output = await scorer.score(new Float32Array(3 * 6).fill(1), 3);
    for (let row = 0; row < 3; row++) {
      assert.deepEqual([...output.subarray(row * 6, row * 6 + 6)], [...NON_FINITE_OUTPUT]);
    }
  });

  const inputBreaks: ContractBreak[] = [
    'input-name',
    'input-columns',
    'input-dtype',
    'input-fixed-batch',
    'input-rank',
    'extra-input',
  ];
  for (const defect of inputBreaks) {
    it(`refuses a model with ${defect}: MODEL_INPUT_MISMATCH`, async () => {
      await assert.rejects(scorer.load(buildContractModel(defect), contract), (e) =>
        hasCode(e, 'MODEL_INPUT_MISMATCH'),
      );
    });
  }

  for (const defect of ['output-name', 'output-columns', 'output-dtype'] as const) {
    it(`refuses a model with ${defect}: MODEL_OUTPUT_MISMATCH`, async () => {
      await assert.rejects(scorer.load(buildContractModel(defect), contract), (e) =>
        hasCode(e, 'MODEL_OUTPUT_MISMATCH'),
      );
    });
  }

  it('refuses random bytes (MODEL_NOT_ONNX) and keeps working', async () => {
    const random = seededRandom(3);
    const bytes = Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256));
    await assert.rejects(scorer.load(bytes, contract), (e) => hasCode(e, 'MODEL_NOT_ONNX'));
    await scorer.load(buildContractModel(), contract);
    const output = await scorer.score(new Float32Array(6), 1);
    assert.deepEqual([...output], new Array<number>(6).fill(0.5));
  });

  it('refuses a model over the size limit before reading it (MODEL_TOO_LARGE)', async () => {
    await assert.rejects(scorer.load(new Uint8Array((1 << 20) + 1), contract), (e) =>
      hasCode(e, 'MODEL_TOO_LARGE'),
    );
  });

  it('forgets the previous model when a load is refused', async () => {
    await scorer.load(buildContractModel(), contract);
    await assert.rejects(scorer.load(buildContractModel('input-name'), contract));
    await assert.rejects(scorer.score(new Float32Array(6), 1), (e) =>
      hasCode(e, 'MODEL_NOT_LOADED'),
    );
  });

  it('checks score arguments against the contract (SCORE_INPUT_INVALID)', async () => {
    await assert.rejects(scorer.score(new Float32Array(6), 1), (e) =>
      hasCode(e, 'MODEL_NOT_LOADED'),
    );
    await scorer.load(buildContractModel(), contract);
    const invalid = (e: unknown) => hasCode(e, 'SCORE_INPUT_INVALID');
    await assert.rejects(scorer.score(new Float32Array(7), 1), invalid);
    await assert.rejects(scorer.score(new Float32Array(6), 1.5), invalid);
    assert.equal((await scorer.score(new Float32Array(0), 0)).length, 0);
  });

  it('serialises concurrent calls and leaves the caller’s buffers intact', async () => {
    await scorer.load(buildContractModel(), contract);
    const input = new Float32Array(4 * 6).fill(0);
    const [a, b] = await Promise.all([
      scorer.score(input, 4),
      scorer.score(input.subarray(0, 12), 2),
    ]);
    assert.equal(a.length, 24);
    assert.equal(b.length, 12);
    assert.equal(input.length, 24);
  });

  it('refuses every call after close (SCORER_CLOSED); close is idempotent', async () => {
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
});

function trainingData(): [Float32Array, Int8Array] {
  const sample = makeStatusSample(3000, 20);
  return [sample.input, sample.labels];
}
