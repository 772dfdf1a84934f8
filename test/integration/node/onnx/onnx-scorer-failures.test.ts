import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { GROWTH_STATUS_MODEL_CONTRACT } from '../../../../benchmark/onnx/model-contract.js';
import { OnnxScorer } from '../../../../node/onnx/onnx-scorer.js';
import { buildContractModel, buildSlowModel } from '../../../helpers/onnx-fixtures.js';

const contract = GROWTH_STATUS_MODEL_CONTRACT;
const limits = { timeoutMs: 30_000, maxModelBytes: 1 << 24 };

/** A fresh scorer still loads and scores a valid model. */
async function assertFreshScorerWorks(): Promise<void> {
  const scorer = await OnnxScorer.create(limits);
  try {
    await scorer.load(buildContractModel(), contract);
    assert.equal((await scorer.score(new Float32Array(12), 2)).length, 12);
  } finally {
    await scorer.close();
  }
}

describe('OnnxScorer failures', function () {
  this.timeout(60_000);

  it('times out a slow model (MODEL_TIMEOUT), stops its worker, and a new scorer works', async () => {
    // One row per batch, 400 Loop iterations per row: each run takes
    // milliseconds, the whole call tens of seconds. The worker stops at the
    // first batch boundary after the deadline.
    const scorer = await OnnxScorer.create({ ...limits, timeoutMs: 200, batchRows: 1 });
    await scorer.load(buildSlowModel(400), contract);
    const started = Date.now();
    await assert.rejects(scorer.score(new Float32Array(2000 * 6), 2000), (e) =>
      hasCode(e, 'MODEL_TIMEOUT'),
    );
    assert.ok(Date.now() - started < 2_000);
    await assert.rejects(scorer.score(new Float32Array(6), 1), (e) => hasCode(e, 'SCORER_CLOSED'));
    const closing = Date.now();
    await scorer.close();
    assert.ok(Date.now() - closing < 2_000, 'the worker stops at the next batch boundary');
    await assertFreshScorerWorks();
  });

  it('rejects with MODEL_CRASHED when the worker throws, and a new scorer works', async () => {
    const scorer = await crashingScorer();
    await scorer.load(buildContractModel(), contract);
    await assert.rejects(scorer.score(new Float32Array(6), 1), (e) => hasCode(e, 'MODEL_CRASHED'));
    await assert.rejects(scorer.score(new Float32Array(6), 1), (e) => hasCode(e, 'SCORER_CLOSED'));
    await scorer.close();
    await assertFreshScorerWorks();
  });

  it('rejects with MODEL_CRASHED when the worker exits mid-call', async () => {
    const scorer = await crashingScorer();
    await scorer.load(buildContractModel(), contract);
    await assert.rejects(scorer.score(new Float32Array(12), 2), (e) => hasCode(e, 'MODEL_CRASHED'));
    await scorer.close();
  });

  it('reports a worker that cannot start as SCORER_UNAVAILABLE', async () => {
    const workerUrl = new URL('./no-such-worker.js', import.meta.url);
    await assert.rejects(OnnxScorer.create({ ...limits, workerUrl }), (e) =>
      hasCode(e, 'SCORER_UNAVAILABLE'),
    );
  });
});

function crashingScorer(): Promise<OnnxScorer> {
  return OnnxScorer.create({
    ...limits,
    workerUrl: new URL('./crashing-worker.ts', import.meta.url),
  });
}
