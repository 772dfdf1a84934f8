import { strict as assert } from 'node:assert';
import {
  BIASED_STATUS_MODEL,
  buildBiasedStatusOnnx,
} from '../../../../benchmark/baselines/build-biased-status-onnx.js';
import {
  fitStatusBaseline,
  predictStatusBaseline,
} from '../../../../benchmark/baselines/growth-status-baseline.js';
import type { StatusBaselineWeights } from '../../../../benchmark/baselines/growth-status-baseline.js';
import {
  biasStatusScores,
  STATUS_BIAS,
  statusNoise,
} from '../../../../benchmark/baselines/status-bias.js';
import { hasCode } from '../../../../benchmark/errors.js';
import type { BinaryFairness } from '../../../../benchmark/metrics/fairness-gaps.js';
import { assertModelContract } from '../../../../benchmark/onnx/assert-model-contract.js';
import { decodeModel } from '../../../../benchmark/onnx/decode-model.js';
import { prepareModel } from '../../../../benchmark/onnx/prepare-model.js';
import { readModelSignature } from '../../../../benchmark/onnx/read-model-signature.js';
import { exactTaskMetrics } from '../../../../benchmark/tasks/exact-task-metrics.js';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import type { TaskExamples } from '../../../../benchmark/tasks/task-definition.js';
import { modelContractOf } from '../../../../benchmark/tasks/task-model-contract.js';
import { simCohorts, simExamples } from './sim-fixtures.js';

function fitWeights(examples: TaskExamples): StatusBaselineWeights {
  const labels = Int8Array.from(examples.targets, (y) => (Number.isNaN(y) ? -1 : y));
  return fitStatusBaseline(examples.features, labels);
}

function sexFairness(examples: TaskExamples, scores: Float64Array): Record<string, BinaryFairness> {
  const report = exactTaskMetrics(GROWTH_STATUS, examples, Float32Array.from(scores));
  return Object.fromEntries(
    Object.entries(report).map(([label, output]) => [label, output.fairness.sex as BinaryFairness]),
  );
}

describe('statusNoise / biasStatusScores', () => {
  it('gives values in [0, 1) that move with age and weight', () => {
    const values = [0, 1, 2, 365, 366, 1000].map((age) => statusNoise(age, 9.3));
    assert.ok(values.every((v) => v >= 0 && v < 1));
    assert.equal(new Set(values).size, values.length);
    assert.notEqual(statusNoise(400, 9.3), statusNoise(400, 9.4));
  });

  it('mixes only the chosen sex’s scores with noise, by the given share', () => {
    // Two rows: a boy and a girl with the same measurements.
    const input = Float32Array.from([1, 400, 9.3, 75, 45, 1, 2, 400, 9.3, 75, 45, 1]);
    const scores = Float64Array.from({ length: 12 }, (_, i) => (i % 6) / 10);
    const biased = biasStatusScores(input, scores, 2);
    assert.deepEqual([...biased.subarray(0, 6)], [...scores.subarray(0, 6)]);
    const noise = statusNoise(400, 9.3);
    biased.subarray(6).forEach((value, label) => {
      const score = label / 10;
      assert.ok(Math.abs(value - (score + STATUS_BIAS.noiseShare * (noise - score))) < 1e-12);
    });
  });
});

describe('buildBiasedStatusOnnx', function () {
  this.timeout(120_000);
  let weights: StatusBaselineWeights;
  let heldOut: TaskExamples;

  before(() => {
    weights = fitWeights(simExamples(GROWTH_STATUS, simCohorts(1500, 'baseline-train')));
    heldOut = simExamples(GROWTH_STATUS, simCohorts(2000, 'baseline-held-out'));
  });

  it('meets the growth.status contract, passes the allowlist and says it is the biased model', () => {
    const bytes = buildBiasedStatusOnnx(weights);
    assertModelContract(readModelSignature(bytes), modelContractOf(GROWTH_STATUS));
    assert.equal(prepareModel(bytes), bytes);
    const metadata = Object.fromEntries(
      decodeModel(bytes).metadataProps.map((p): [string, string] => [
        String(p.key),
        String(p.value),
      ]),
    );
    assert.equal(metadata['centile.task'], 'growth.status/v1');
    assert.equal(metadata['centile.model'], BIASED_STATUS_MODEL);
  });

  it('refuses a noise share outside [0, 1]', () => {
    assert.throws(
      () => buildBiasedStatusOnnx(weights, { sex: 2, noiseShare: 1.5 }),
      (e) => hasCode(e, 'BASELINE_BIAS_INVALID'),
    );
  });

  it('has an exact AUROC gap by sex far larger than the fair baseline’s, on every label', () => {
    const fair = predictStatusBaseline(weights, heldOut.features, heldOut.rows);
    const biased = biasStatusScores(heldOut.features, fair, heldOut.rows);
    const fairGaps = sexFairness(heldOut, fair);
    const biasedGaps = sexFairness(heldOut, biased);
    for (const [label, gaps] of Object.entries(biasedGaps)) {
      const before = fairGaps[label]?.auroc_gap ?? NaN;
      const after = gaps.auroc_gap ?? NaN;
      assert.ok(before < 0.02, `${label}: fair gap ${before}`);
      assert.ok(after > before + 0.05, `${label}: biased gap ${after} vs fair ${before}`);
      // Boys' scores are untouched, so the worst group is now the girls, below the fair model.
      assert.ok((gaps.worst_group_auroc ?? NaN) < (fairGaps[label]?.worst_group_auroc ?? NaN));
    }
  });
});
