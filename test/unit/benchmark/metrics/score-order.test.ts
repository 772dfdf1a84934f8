import { strict as assert } from 'node:assert';
import { sortByScore } from '../../../../benchmark/metrics/score-order.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';

/** Sorts with row indices as payload and checks the order against the scores themselves. */
function assertSorted(scores: Float32Array | Float64Array) {
  const { keys, payload } = sortByScore(scores, Uint32Array.from(scores.keys()));
  assert.equal(keys.length, scores.length);
  assert.deepEqual(
    [...payload].sort((a, b) => a - b),
    [...scores.keys()],
    'every row once',
  );
  for (let i = 1; i < scores.length; i++) {
    const [before, after] = [scores[payload[i - 1] as number], scores[payload[i] as number]];
    assert.ok((before as number) <= (after as number), `order at ${i}`);
    assert.equal(keys[i - 1] === keys[i], before === after, `ties at ${i}`);
  }
}

function randomScores(seed: string, n: number, levels: number): Float64Array {
  const rng = createPrng(seed);
  return Float64Array.from({ length: n }, () => Math.round(rng.uniform() * levels) / levels);
}

describe('sortByScore', () => {
  it('orders float32 scores by their bits, equal keys exactly for equal scores', () => {
    assertSorted(Float32Array.from(randomScores('f32', 5000, 1 << 24)));
    assertSorted(Float32Array.from(randomScores('f32-ties', 5000, 7)));
  });

  it('orders float64 scores that are float32 values the same way', () => {
    assertSorted(randomScores('exact', 5000, 64));
  });

  it('ranks float64 scores that are not float32 values', () => {
    const scores = randomScores('ranked', 5000, 10);
    assert.ok(scores.some((s) => Math.fround(s) !== s));
    assertSorted(scores);
    assertSorted(randomScores('ranked-fine', 5000, 1e9));
  });

  it('ties −0 with 0 (they compare equal)', () => {
    for (const scores of [Float32Array.of(0, -0, 0.5, -0), Float64Array.of(0.1, -0, 0, 0.1)]) {
      const { keys } = sortByScore(scores, new Uint32Array(4));
      assert.equal(keys[0], keys[1]);
      assertSorted(scores);
    }
  });

  it('handles no score, one score and all-equal scores', () => {
    assertSorted(new Float32Array(0));
    assertSorted(Float32Array.of(0.3));
    const { payload } = sortByScore(Float64Array.of(0.2, 0.2, 0.2), Uint32Array.of(7, 8, 9));
    assert.deepEqual([...payload], [7, 8, 9]);
  });
});
