/**
 * Models that try to hang, crash or exhaust the runner, and models the
 * runner must refuse: each gets a stable code, and the node keeps serving
 * (a new model loads and scores afterwards).
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { hasCode } from '../../../benchmark/errors.js';
import { GROWTH_STATUS } from '../../../benchmark/tasks/growth-status.js';
import { modelContractOf } from '../../../benchmark/tasks/task-model-contract.js';
import { createOnnxModelLoader } from '../../../node/onnx/onnx-model-loader.js';
import { OnnxScorer } from '../../../node/onnx/onnx-scorer.js';
import type { OnnxScorerOptions } from '../../../node/onnx/parse-scorer-options.js';
import {
  buildContractModel,
  buildNonFiniteModel,
  NON_FINITE_OUTPUT,
  buildSlowModel,
  seededRandom,
} from '../../helpers/onnx-fixtures.js';
import {
  buildConstantRowModel,
  buildCustomOperatorModel,
  buildExternalDataModel,
  buildHangingModel,
  buildMemoryHogModel,
  buildRuntimeShapeModel,
  buildSigmoidModel,
  buildSlowLoadingModel,
} from '../../helpers/onnx-hostile-models.js';

const contract = modelContractOf(GROWTH_STATUS);
const limits: OnnxScorerOptions = { timeoutMs: 30_000, maxModelBytes: 1 << 20 };
const oneRow = new Float32Array(6);

/** The node keeps serving: a fresh model loads through the loader and scores. */
async function assertServes(options: OnnxScorerOptions = limits): Promise<void> {
  const model = await createOnnxModelLoader(options).load(buildContractModel(), contract);
  try {
    assert.deepEqual([...(await model.score(new Float32Array(12), 2))], new Array(12).fill(0.5));
  } finally {
    await model.close();
  }
}

/** The runner of `scorer` still answers: a valid model loads and scores in it. */
async function assertStillServes(scorer: OnnxScorer): Promise<void> {
  await scorer.load(buildContractModel(), contract);
  assert.deepEqual([...(await scorer.score(oneRow, 1))], new Array(6).fill(0.5));
}

/** True when no process `pid` exists any more (close() waits until the runner is reaped). */
function isGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('hostile models: the runner is killed, the node serves on', function () {
  this.timeout(30_000);

  it('kills a model that hangs inside one native run (MODEL_TIMEOUT)', async () => {
    const options = { ...limits, timeoutMs: 500 };
    const model = await createOnnxModelLoader(options).load(buildHangingModel(), contract);
    try {
      await assert.rejects(model.score(oneRow, 1), (e) => hasCode(e, 'MODEL_TIMEOUT'));
      await assert.rejects(model.score(oneRow, 1), (e) => hasCode(e, 'SCORER_CLOSED'));
    } finally {
      await model.close();
    }
    await assertServes(options);
  });

  it('kills a model that hangs while loading (MODEL_TIMEOUT at load)', async () => {
    // One limit covers starting the runner and loading: generous enough for a busy machine.
    const options = { ...limits, loadTimeoutMs: 2000 };
    await assert.rejects(
      createOnnxModelLoader(options).load(buildSlowLoadingModel(), contract),
      (e) => hasCode(e, 'MODEL_TIMEOUT'),
    );
    await assertServes(options);
  });

  it('kills a model that exhausts memory (MODEL_MEMORY_EXCEEDED)', async function () {
    // The RSS guard reads /proc; where there is none it is documented as inert.
    if (!existsSync('/proc/self/status')) this.skip();
    const options = { ...limits, maxMemoryBytes: 400 * 2 ** 20 };
    const model = await createOnnxModelLoader(options).load(buildMemoryHogModel(2 ** 30), contract);
    try {
      await assert.rejects(model.score(oneRow, 1), (e) => hasCode(e, 'MODEL_MEMORY_EXCEEDED'));
    } finally {
      await model.close();
    }
    await assertServes(options);
  });

  // Signals that leave no core file behind, whatever the machine's ulimit.
  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`reports a runner killed from outside by ${signal} mid-run (MODEL_CRASHED)`, async () => {
      const scorer = await OnnxScorer.create(limits);
      const pid = scorer.pid;
      assert.ok(pid !== undefined);
      try {
        await scorer.load(buildHangingModel(), contract);
        const scoring = scorer.score(oneRow, 1);
        // Once the macrotask queue turns, the score request is in the runner's hands.
        await new Promise((resolve) => setImmediate(resolve));
        process.kill(pid, signal);
        await assert.rejects(scoring, (e) => hasCode(e, 'MODEL_CRASHED'));
        await assert.rejects(scorer.score(oneRow, 1), (e) => hasCode(e, 'SCORER_CLOSED'));
      } finally {
        await scorer.close();
      }
      assert.ok(isGone(pid));
      await assertServes();
    });
  }
});

describe('hostile models: refused or contained without harm', function () {
  this.timeout(30_000);
  let scorer: OnnxScorer;

  before(async () => {
    scorer = await OnnxScorer.create(limits);
  });
  after(async () => {
    await scorer.close();
  });

  const random = seededRandom(3);
  const refusals: [string, Uint8Array, string][] = [
    [
      'bytes that are not ONNX',
      Uint8Array.from({ length: 4096 }, () => Math.floor(random() * 256)),
      'MODEL_NOT_ONNX',
    ],
    ['an empty model', new Uint8Array(0), 'MODEL_NOT_ONNX'],
    ['a Loop', buildSlowModel(1), 'MODEL_OPERATOR_NOT_ALLOWED'],
    ['a custom-domain operator', buildCustomOperatorModel(), 'MODEL_OPERATOR_NOT_ALLOWED'],
    ['opset 23', buildSigmoidModel({ opsetImports: { '': 23 } }), 'MODEL_OPSET_NOT_ALLOWED'],
    ['external tensor data', buildExternalDataModel(), 'MODEL_EXTERNAL_DATA_NOT_ALLOWED'],
    [
      'a contract-breaking output shape',
      buildContractModel('output-columns'),
      'MODEL_OUTPUT_MISMATCH',
    ],
    ['more bytes than the limit', new Uint8Array((1 << 20) + 1), 'MODEL_TOO_LARGE'],
  ];
  for (const [what, bytes, code] of refusals) {
    it(`refuses ${what} at load (${code}) and serves the next model`, async () => {
      await assert.rejects(scorer.load(bytes, contract), (e) => hasCode(e, code));
      await assertStillServes(scorer);
    });
  }

  it('refuses an output whose run-time shape breaks its declaration (MODEL_OUTPUT_MISMATCH)', async () => {
    await scorer.load(buildRuntimeShapeModel(), contract);
    await assert.rejects(scorer.score(oneRow, 1), (e) => hasCode(e, 'MODEL_OUTPUT_MISMATCH'));
    await assertStillServes(scorer);
  });

  it('returns NaN, ±Infinity and out-of-range outputs as they are, for the caller to count', async () => {
    const row = [-0.5, 1.5, 1e30, -1e-45, NaN, -Infinity];
    for (const [bytes, expected] of [
      [buildNonFiniteModel(), NON_FINITE_OUTPUT],
      [buildConstantRowModel(row), row.map(Math.fround)],
    ] as const) {
      await scorer.load(bytes, contract);
      const output = await scorer.score(new Float32Array(3 * 6).fill(1), 3);
      for (let r = 0; r < 3; r++)
        assert.deepEqual([...output.subarray(r * 6, r * 6 + 6)], [...expected]);
    }
    await assertStillServes(scorer);
  });
});
