import { strict as assert } from 'node:assert';
import {
  buildTaskBaselineOnnx,
  TASK_BASELINE_MODEL,
} from '../../../../benchmark/baselines/build-task-baseline-onnx.js';
import { fitTaskBaseline } from '../../../../benchmark/baselines/fit-task-baseline.js';
import type { TaskBaselineWeights } from '../../../../benchmark/baselines/fit-task-baseline.js';
import { predictTaskBaseline } from '../../../../benchmark/baselines/predict-task-baseline.js';
import { hasCode } from '../../../../benchmark/errors.js';
import { assertModelContract } from '../../../../benchmark/onnx/assert-model-contract.js';
import { decodeModel } from '../../../../benchmark/onnx/decode-model.js';
import { prepareModel } from '../../../../benchmark/onnx/prepare-model.js';
import { readModelSignature } from '../../../../benchmark/onnx/read-model-signature.js';
import { exactTaskMetrics } from '../../../../benchmark/tasks/exact-task-metrics.js';
import { GROWTH_FORECAST } from '../../../../benchmark/tasks/growth-forecast.js';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import { TASK_CATALOG } from '../../../../benchmark/tasks/task-catalog.js';
import type { TaskDefinition } from '../../../../benchmark/tasks/task-definition.js';
import { taskKey } from '../../../../benchmark/tasks/task-definition.js';
import { modelContractOf } from '../../../../benchmark/tasks/task-model-contract.js';
import {
  aurocStandardError,
  constantPredictions,
  simCohorts,
  simExamples,
  targetMeans,
} from './sim-fixtures.js';

/** A quick fit: enough to check shapes and determinism, not quality. */
const QUICK = { epochs: 2 } as const;

function metadataOf(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    decodeModel(bytes).metadataProps.map((p): [string, string] => [String(p.key), String(p.value)]),
  );
}

describe('fitTaskBaseline / buildTaskBaselineOnnx', function () {
  this.timeout(60_000);

  for (const task of TASK_CATALOG) {
    describe(taskKey(task), () => {
      const examples = () => simExamples(task, simCohorts(150, 'baseline-shape'));

      it('builds a model that meets the contract, passes the operator allowlist and names its task', () => {
        const bytes = buildTaskBaselineOnnx(task, fitTaskBaseline(task, examples(), QUICK));
        assertModelContract(readModelSignature(bytes), modelContractOf(task));
        assert.equal(prepareModel(bytes), bytes, 'accepted unchanged by the node');
        assert.deepEqual(metadataOf(bytes), {
          'centile.task': taskKey(task),
          'centile.model': TASK_BASELINE_MODEL,
        });
      });

      it('gives the same bytes for the same seed and different bytes for another', () => {
        const data = examples();
        const build = (seed: string) =>
          buildTaskBaselineOnnx(task, fitTaskBaseline(task, data, { ...QUICK, seed }));
        assert.deepEqual(build('a'), build('a'));
        assert.notDeepEqual(build('a'), build('b'));
      });
    });
  }

  it('builds two hidden layers of 256 from seeded weights (epochs 0) within the contract', () => {
    const weights = fitTaskBaseline(
      GROWTH_FORECAST,
      simExamples(GROWTH_FORECAST, simCohorts(150, 'baseline-shape')),
      {
        hiddenSizes: [256, 256],
        epochs: 0,
      },
    );
    assert.deepEqual(
      weights.layers.map((layer) => layer.outputs),
      [256, 256, 2],
    );
    const bytes = buildTaskBaselineOnnx(GROWTH_FORECAST, weights);
    assertModelContract(readModelSignature(bytes), modelContractOf(GROWTH_FORECAST));
  });

  it('refuses examples that do not match the task', () => {
    const status = simExamples(GROWTH_STATUS, simCohorts(150, 'baseline-shape'));
    assert.throws(
      () => fitTaskBaseline(GROWTH_FORECAST, status, QUICK),
      (e) => hasCode(e, 'BASELINE_INPUT_INVALID'),
    );
  });

  it('refuses to build weights fitted for another task', () => {
    const status = simExamples(GROWTH_STATUS, simCohorts(150, 'baseline-shape'));
    const weights = fitTaskBaseline(GROWTH_STATUS, status, QUICK);
    assert.throws(
      () => buildTaskBaselineOnnx(GROWTH_FORECAST, weights),
      (e) => hasCode(e, 'BASELINE_WEIGHTS_INVALID'),
    );
    const broken: TaskBaselineWeights = { ...weights, layers: weights.layers.slice(1) };
    assert.throws(
      () => buildTaskBaselineOnnx(GROWTH_STATUS, broken),
      (e) => hasCode(e, 'BASELINE_WEIGHTS_INVALID'),
    );
  });
});

/** The smallest AUROC each binary task's baseline must reach on held-out Sim children, beyond chance. */
const USEFUL_AUROC: Readonly<Record<string, number>> = {
  'growth.status': 0.95,
  'growth.obesity-risk': 0.9,
};

/** Labels with fewer held-out positives than this are not judged (too noisy). */
const MIN_POSITIVES = 30;

describe('task baselines on held-out Sim children (defaults, as the demo fits them)', function () {
  this.timeout(180_000);

  for (const task of TASK_CATALOG) {
    it(`${taskKey(task)} beats the trivial predictor (training mean or prevalence)`, () => {
      const train = simExamples(task, simCohorts(1500, 'baseline-train'));
      const heldOut = simExamples(task, simCohorts(2000, 'baseline-held-out'));
      const weights = fitTaskBaseline(task, train);
      const predicted = Float32Array.from(
        predictTaskBaseline(weights, heldOut.features, heldOut.rows),
      );
      const report = exactTaskMetrics(task, heldOut, predicted);
      const trivial = exactTaskMetrics(
        task,
        heldOut,
        constantPredictions(targetMeans(task, train), heldOut.rows),
      );
      assertBeatsTrivial(task, report, trivial);
    });
  }
});

function assertBeatsTrivial(
  task: TaskDefinition,
  report: ReturnType<typeof exactTaskMetrics>,
  trivial: ReturnType<typeof exactTaskMetrics>,
): void {
  for (const [name, output] of Object.entries(report)) {
    assert.equal(output.invalid, 0, `${name}: invalid predictions`);
    const all = output.all;
    if ('auroc' in all) {
      const negatives = all.n - all.positives;
      if (all.positives < MIN_POSITIVES) continue;
      const auroc = all.auroc ?? NaN;
      const se = aurocStandardError(auroc, all.positives, negatives);
      assert.ok(auroc - 2 * se > 0.5, `${name}: AUROC ${auroc} is within 2 SE (${se}) of chance`);
      const floor = USEFUL_AUROC[task.id];
      if (floor !== undefined) assert.ok(auroc > floor, `${name}: AUROC ${auroc} ≤ ${floor}`);
    } else {
      const baseline = trivial[name]?.all;
      assert.ok(baseline !== undefined && 'mae' in baseline);
      const mae = all.mae ?? NaN;
      // Half the trivial error at most: a model that only learnt the mean would not pass.
      assert.ok(
        mae < 0.5 * (baseline.mae ?? NaN),
        `${name}: MAE ${mae} vs trivial ${baseline.mae}`,
      );
    }
  }
}
