import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import { assertModelContract } from '../../../../benchmark/onnx/assert-model-contract.js';
import { GROWTH_STATUS } from '../../../../benchmark/tasks/growth-status.js';
import { modelContractOf } from '../../../../benchmark/tasks/task-model-contract.js';
import { onnxProto } from '../../../../benchmark/onnx/onnx-proto.js';
import { readModelSignature } from '../../../../benchmark/onnx/read-model-signature.js';
import { buildStatusBaselineOnnx } from '../../../../benchmark/baselines/build-status-baseline-onnx.js';
import {
  fitStatusBaseline,
  predictStatusBaseline,
} from '../../../../benchmark/baselines/growth-status-baseline.js';
import type { StatusBaselineWeights } from '../../../../benchmark/baselines/growth-status-baseline.js';
import { STATUS_LABELS } from '../../../../benchmark/tasks/growth-status-contract.js';
import { makeStatusSample } from '../../../helpers/onnx-fixtures.js';
import type { StatusSample } from '../../../helpers/onnx-fixtures.js';

/** Exact AUROC: the Mann–Whitney statistic, ties counted one half. */
function auroc(scores: readonly number[], labels: readonly number[]): number {
  let wins = 0;
  let positives = 0;
  let negatives = 0;
  labels.forEach((label, i) => {
    if (label === 1) positives++;
    else negatives++;
    if (label !== 1) return;
    labels.forEach((other, j) => {
      if (other !== 0) return;
      const [si, sj] = [scores[i] ?? NaN, scores[j] ?? NaN];
      wins += si > sj ? 1 : si === sj ? 0.5 : 0;
    });
  });
  return wins / (positives * negatives);
}

function labelAuroc(sample: StatusSample, probabilities: Float64Array, label: number): number {
  const scores: number[] = [];
  const labels: number[] = [];
  for (let row = 0; row < sample.rows; row++) {
    const y = sample.labels[row * 6 + label] ?? -1;
    if (y < 0) continue;
    scores.push(probabilities[row * 6 + label] ?? NaN);
    labels.push(y);
  }
  return auroc(scores, labels);
}

describe('growth.status baseline', function () {
  this.timeout(60_000);
  const train = makeStatusSample(3000, 11);
  const heldOut = makeStatusSample(1500, 12);
  let weights: StatusBaselineWeights;

  before(() => {
    weights = fitStatusBaseline(train.input, train.labels);
  });

  it('the AUROC helper is exact on a hand-checked case', () => {
    assert.equal(auroc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 0.75);
    assert.equal(auroc([0.5, 0.5], [0, 1]), 0.5);
  });

  it('recovers each known labelling rule on held-out rows (AUROC > 0.95)', () => {
    const probabilities = predictStatusBaseline(weights, heldOut.input, heldOut.rows);
    STATUS_LABELS.forEach((name, label) => {
      const value = labelAuroc(heldOut, probabilities, label);
      assert.ok(value > 0.95, `${name}: AUROC ${value}`);
    });
  });

  it('is deterministic', () => {
    const again = fitStatusBaseline(train.input, train.labels);
    assert.deepEqual(again.coefficients, weights.coefficients);
    assert.deepEqual(again.intercepts, weights.intercepts);
  });

  it('gives a label with no positives a constant low probability', () => {
    const labels = train.labels.slice();
    for (let row = 0; row < train.rows; row++) labels[row * 6 + 4] = 0;
    const fitted = fitStatusBaseline(train.input, labels);
    const p = predictStatusBaseline(fitted, heldOut.input, heldOut.rows);
    for (let j = 0; j < fitted.features.length; j++)
      assert.equal(fitted.coefficients[j * 6 + 4], 0);
    for (let row = 0; row < heldOut.rows; row++) assert.ok((p[row * 6 + 4] ?? NaN) < 0.001);
  });

  it('ignores rows whose label is −1 as if they were absent', () => {
    const small = makeStatusSample(400, 5);
    const labels = small.labels.slice();
    for (let row = 0; row < 100; row++) labels[row * 6] = -1;
    const masked = fitStatusBaseline(small.input, labels);
    const rest = fitStatusBaseline(small.input.slice(100 * 6), small.labels.slice(100 * 6));
    for (let j = 0; j < masked.features.length; j++) {
      assert.ok(
        Math.abs((masked.coefficients[j * 6] ?? NaN) - (rest.coefficients[j * 6] ?? NaN)) < 1e-9,
      );
    }
  });

  it('refuses labels that are not N×6', () => {
    assert.throws(
      () => fitStatusBaseline(train.input, new Int8Array(5)),
      (e) => hasCode(e, 'BASELINE_INPUT_INVALID'),
    );
  });

  it('builds an ONNX model that meets the contract and names its task', () => {
    const bytes = buildStatusBaselineOnnx(weights);
    assertModelContract(readModelSignature(bytes), modelContractOf(GROWTH_STATUS));
    const metadata = onnxProto.ModelProto.decode(bytes).metadataProps;
    assert.equal(metadata.find((p) => p.key === 'centile.task')?.value, 'growth.status/v1');
  });

  it('refuses weights of another shape', () => {
    const broken = { ...weights, intercepts: new Float64Array(5) };
    assert.throws(
      () => buildStatusBaselineOnnx(broken),
      (e) => hasCode(e, 'BASELINE_WEIGHTS_INVALID'),
    );
  });
});
