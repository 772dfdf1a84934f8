import { strict as assert } from 'node:assert';
import { mlpOutputs } from '../../../../benchmark/baselines/mlp.js';
import { hasCode } from '../../../../benchmark/errors.js';
import { trainMlp } from '../../../../benchmark/baselines/train-mlp.js';
import type {
  MlpTrainingOptions,
  MlpTrainingSet,
} from '../../../../benchmark/baselines/train-mlp.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';

const OPTIONS: MlpTrainingOptions = {
  hiddenSizes: [16],
  epochs: 30,
  batchSize: 32,
  learningRate: 0.01,
  l2: 0,
  seed: 'train-mlp-test',
};

/** rows × 2 inputs uniform on [−1, 1] and a target function of them per output. */
function sample(
  rows: number,
  targetsOf: (a: number, b: number) => number[],
  outputs: number,
): { x: Float64Array; targets: Float64Array } {
  const prng = createPrng('train-mlp-sample');
  const x = Float64Array.from({ length: rows * 2 }, () => 2 * prng.uniform() - 1);
  const targets = new Float64Array(rows * outputs);
  for (let row = 0; row < rows; row++) {
    targets.set(targetsOf(x[2 * row] ?? NaN, x[2 * row + 1] ?? NaN), row * outputs);
  }
  return { x, targets };
}

describe('trainMlp', function () {
  this.timeout(30_000);

  it('fits a non-linear regression target (|a| − b) far below its variance', () => {
    const { x, targets } = sample(1000, (a, b) => [Math.abs(a) - b], 1);
    const set: MlpTrainingSet = { x, width: 2, rows: 1000, targets, outputs: 1, loss: 'squared' };
    const out = mlpOutputs(trainMlp(set, OPTIONS, new Float64Array(1)), x, 1000);
    const mse = out.reduce((sum, y, row) => sum + (y - (targets[row] ?? NaN)) ** 2, 0) / 1000;
    // The target's variance is 1/12 + 1/3 ≈ 0.42.
    assert.ok(mse < 0.01, `mse ${mse}`);
  });

  it('separates classes with logistic loss (XOR of the signs)', () => {
    const { x, targets } = sample(1000, (a, b) => [a * b > 0 ? 1 : 0], 1);
    const set: MlpTrainingSet = { x, width: 2, rows: 1000, targets, outputs: 1, loss: 'logistic' };
    const out = mlpOutputs(trainMlp(set, OPTIONS, new Float64Array(1)), x, 1000);
    const correct = out.filter((z, row) => (z > 0 ? 1 : 0) === targets[row]).length;
    assert.ok(correct > 900, `${correct} of 1000 correct`);
  });

  it('leaves an output whose targets are all undefined at its initial bias', () => {
    const { x, targets } = sample(300, (a) => [a > 0 ? 1 : 0, NaN], 2);
    const set: MlpTrainingSet = { x, width: 2, rows: 300, targets, outputs: 2, loss: 'logistic' };
    const layers = trainMlp(set, { ...OPTIONS, epochs: 3 }, Float64Array.from([0, -2.5]));
    assert.equal(layers[layers.length - 1]?.bias[1], -2.5);
    assert.notEqual(layers[layers.length - 1]?.bias[0], 0);
  });

  it('is deterministic per seed, and epochs 0 gives the seeded initial weights', () => {
    const { x, targets } = sample(200, (a, b) => [a + b], 1);
    const set: MlpTrainingSet = { x, width: 2, rows: 200, targets, outputs: 1, loss: 'squared' };
    const fit = (seed: string, epochs: number) =>
      trainMlp(set, { ...OPTIONS, seed, epochs }, new Float64Array(1));
    assert.deepEqual(fit('a', 2), fit('a', 2));
    assert.notDeepEqual(fit('a', 2), fit('b', 2));
    assert.notDeepEqual(fit('a', 0), fit('a', 2));
    assert.deepEqual(fit('a', 0), fit('a', 0));
  });
});

describe('trainMlp options', () => {
  const set: MlpTrainingSet = {
    x: new Float64Array(4),
    width: 2,
    rows: 2,
    targets: new Float64Array(2),
    outputs: 1,
    loss: 'squared',
  };
  const invalid: Partial<MlpTrainingOptions>[] = [
    { batchSize: 0 },
    { epochs: -1 },
    { epochs: 1.5 },
    { hiddenSizes: [0] },
    { learningRate: 0 },
    { l2: -1 },
  ];
  for (const change of invalid) {
    it(`refuses ${JSON.stringify(change)} (BASELINE_OPTIONS_INVALID)`, () => {
      assert.throws(
        () => trainMlp(set, { ...OPTIONS, ...change }, new Float64Array(1)),
        (e) => hasCode(e, 'BASELINE_OPTIONS_INVALID'),
      );
    });
  }
});
