import { strict as assert } from 'node:assert';
import { forwardMlp, initMlp, mlpOutputs } from '../../../../benchmark/baselines/mlp.js';
import type { MlpLayer } from '../../../../benchmark/baselines/mlp.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';

/** 2 inputs → 2 hidden (ReLU) → 1 output, small enough to check by hand. */
const LAYERS: MlpLayer[] = [
  {
    inputs: 2,
    outputs: 2,
    weights: Float64Array.from([1, -1, 2, 1]), // row-major [input][output]
    bias: Float64Array.from([0, 0.5]),
  },
  { inputs: 2, outputs: 1, weights: Float64Array.from([3, -2]), bias: Float64Array.from([1]) },
];

describe('forwardMlp', () => {
  it('computes dense layers with ReLU between them and a linear output', () => {
    // Row [1, 2]: hidden = relu([1 + 4, −1 + 2 + 0.5]) = [5, 1.5]; out = 15 − 3 + 1 = 13.
    // Row [−1, 0]: hidden = relu([−1, 1.5]) = [0, 1.5]; out = −3 + 1 = −2.
    const out = mlpOutputs(LAYERS, Float64Array.from([1, 2, -1, 0]), 2);
    assert.deepEqual([...out], [13, -2]);
  });

  it('returns every layer’s activations, input first', () => {
    const activations = forwardMlp(LAYERS, Float64Array.from([-1, 0]), 1);
    assert.deepEqual(
      activations.map((a) => [...a]),
      [[-1, 0], [0, 1.5], [-2]],
    );
  });
});

describe('initMlp', () => {
  it('draws the same He-scaled weights for the same seed and starts at the given output bias', () => {
    const a = initMlp([20, 64, 3], createPrng('s'), Float64Array.from([1, 2, 3]));
    const b = initMlp([20, 64, 3], createPrng('s'), Float64Array.from([1, 2, 3]));
    assert.deepEqual(a, b);
    assert.deepEqual(
      a.map((layer) => [layer.inputs, layer.outputs]),
      [
        [20, 64],
        [64, 3],
      ],
    );
    assert.deepEqual([...(a[1]?.bias ?? [])], [1, 2, 3]);
    assert.ok(a[0]?.bias.every((v) => v === 0));
    const first = a[0]?.weights ?? new Float64Array();
    const sd = Math.sqrt(first.reduce((sum, w) => sum + w * w, 0) / first.length);
    assert.ok(Math.abs(sd - Math.sqrt(2 / 20)) < 0.03, `weight sd ${sd}`);
  });
});
