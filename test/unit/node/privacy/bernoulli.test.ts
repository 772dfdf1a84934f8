import { strict as assert } from 'node:assert';
import { hasCode } from '../../../../benchmark/errors.js';
import type { RandomSource } from '../../../../benchmark/privacy/random-source.js';
import { createRational } from '../../../../benchmark/privacy/rational.js';
import type { Rational } from '../../../../benchmark/privacy/rational.js';
import {
  sampleBernoulli,
  sampleBernoulliExp,
  sampleBernoulliExp1,
  sampleGeometricExp,
} from '../../../../node/privacy/samplers.js';
import { createFastRandomSource } from './fast-random-source.js';
import { assertProportion, chiSquareFits, proportionFits } from './statistics.js';

const N = 40_000;
const r = (num: bigint, den = 1n): Rational => createRational(num, den);
const invalid = (error: unknown): boolean => hasCode(error, 'INVALID_PRIVACY_PARAMETER');

function successes(draw: () => boolean, n = N): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (draw()) count++;
  return count;
}

describe('Bernoulli samplers (CKS20)', () => {
  const rng: RandomSource = createFastRandomSource();

  it('Bernoulli(p) is exact at 0 and 1 and matches p in between (Wilson, z = 6)', () => {
    assert.equal(
      successes(() => sampleBernoulli(r(0n), rng), 2_000),
      0,
    );
    assert.equal(
      successes(() => sampleBernoulli(r(1n), rng), 2_000),
      2_000,
    );
    const third = successes(() => sampleBernoulli(r(1n, 3n), rng));
    assertProportion(third, N, 1 / 3, 'p = 1/3');
    // Negative control: the interval is narrow enough to reject p = 0.36.
    assert.equal(proportionFits(third, N, 0.36), false);
    assertProportion(
      successes(() => sampleBernoulli(r(999n, 1000n), rng)),
      N,
      0.999,
      'p = 0.999',
    );
  });

  it('Bernoulli(e^−x) for x ∈ [0, 1] matches e^−x', () => {
    for (const [x, value] of [
      [r(0n), 0],
      [r(1n, 2n), 0.5],
      [r(1n), 1],
    ] as const) {
      assertProportion(
        successes(() => sampleBernoulliExp1(x, rng)),
        N,
        Math.exp(-value),
        `x = ${value}`,
      );
    }
  });

  it('Bernoulli(e^−x) for x ∈ {0, 1/3, 1, 5/2, 7} matches e^−x and rejects e^−1.1x', () => {
    const cases: [Rational, number][] = [
      [r(0n), 0],
      [r(1n, 3n), 1 / 3],
      [r(1n), 1],
      [r(5n, 2n), 2.5],
      [r(7n), 7],
    ];
    for (const [x, value] of cases) {
      const count = successes(() => sampleBernoulliExp(x, rng));
      assertProportion(count, N, Math.exp(-value), `x = ${value}`);
      if (value > 0 && value < 5) {
        assert.equal(
          proportionFits(count, N, Math.exp(-1.1 * value)),
          false,
          `power at x = ${value}`,
        );
      }
    }
  });

  it('geometric(x): P[K = k] = (1 − e^−x)e^−kx (χ² with a tail bin), and rejects rate 1.1x', () => {
    const x = 2 / 3;
    const pmf = (rate: number) => (k: number) => (1 - Math.exp(-rate)) * Math.exp(-k * rate);
    const bins = 10; // 0..9 and a tail; every bin expects ≥ 25 even at rate 1.1x
    const counts = new Array<number>(bins + 1).fill(0);
    for (let i = 0; i < N; i++) {
      const k = Number(sampleGeometricExp(r(2n, 3n), rng));
      assert.ok(k >= 0);
      counts[Math.min(k, bins)]! += 1;
    }
    const probabilities = (rate: number): number[] => {
      const head = Array.from({ length: bins }, (_, k) => pmf(rate)(k));
      return [...head, 1 - head.reduce((a, b) => a + b, 0)];
    };
    assert.ok(chiSquareFits(counts, probabilities(x)), counts.join(' '));
    assert.equal(chiSquareFits(counts, probabilities(1.1 * x)), false);
  });

  it('refuses parameters outside their domain before drawing', () => {
    const untouched: RandomSource = {
      uniformBelow: () => assert.fail('randomness used for an invalid parameter'),
    };
    const calls: (() => unknown)[] = [
      () => sampleBernoulli(r(3n, 2n), untouched),
      () => sampleBernoulli(r(-1n, 2n), untouched),
      () => sampleBernoulli({ num: 1n, den: 0n }, untouched),
      () => sampleBernoulli({ num: 1n, den: -2n }, untouched),
      () => sampleBernoulli({ num: 0.5, den: 1 } as unknown as Rational, untouched),
      () => sampleBernoulli(0.5 as unknown as Rational, untouched),
      () => sampleBernoulliExp1(r(3n, 2n), untouched),
      () => sampleBernoulliExp(r(-1n), untouched),
      () => sampleGeometricExp(r(0n), untouched),
      () => sampleGeometricExp(r(-1n, 3n), untouched),
    ];
    for (const call of calls) assert.throws(call, invalid);
  });
});
