/**
 * The shape checks of OpenDP's CKS20 sampler tests (privacy.md §1.4, §9.2 A3–A4)
 * that discrete-laplace.test.ts and discrete-gaussian.test.ts do not already
 * make: zero mean, tails P(|X| ≥ t), symmetry P(+k) = P(−k) at every k at
 * once, and the log-ratio slope, over the full parameter lists b ∈ {1/2, 1, 3,
 * 1000} and σ² ∈ {1/4, 1, 4, 25/2, 10⁴}; plus the χ², P(0) and variance
 * checks for the parameters those files leave out. Every check has a
 * false-alarm rate ≤ 1e-6 and is shown to reject a slightly wrong law on the
 * same draws, so none of them can pass vacuously.
 *
 * Draws come from the fast source (node:crypto through the production byte
 * pool and masked rejection, see fast-random-source.ts); the libsodium path
 * is checked end to end at the bottom and in discrete-gaussian.test.ts.
 */
import { strict as assert } from 'node:assert';
import type { RandomSource } from '../../../../benchmark/privacy/random-source.js';
import { createRational } from '../../../../benchmark/privacy/rational.js';
import type { Rational } from '../../../../benchmark/privacy/rational.js';
import { createSodiumRandomSource } from '../../../../node/privacy/random-source.js';
import {
  sampleDiscreteGaussian,
  sampleDiscreteLaplace,
} from '../../../../node/privacy/samplers.js';
import { createFastRandomSource } from './fast-random-source.js';
import {
  assertProportion,
  binnedCounts,
  binnedProbabilities,
  chiSquareFits,
  discreteGaussianPmf,
  discreteLaplacePmf,
  evenMoments,
  logRatioSlope,
  pmfFits,
  proportionFits,
  secondMomentFits,
  signBalanceFits,
  slopeFits,
  tailMass,
  zeroMeanFits,
} from './statistics.js';
import type { Pmf } from './statistics.js';

/** OpenDP's BASE_N. */
const N = 60_000;

interface NoiseCase {
  readonly label: string;
  readonly draw: (rng: RandomSource) => bigint;
  /** The law's pmf with its scale parameter (b or σ²) multiplied by `factor`. */
  readonly pmf: (factor?: number) => Pmf;
  /** b or σ: the width that sets tail points, bin widths and shifts. */
  readonly scale: number;
  /** Where sums over the pmf stop: 40 scales out, past any float-visible mass. */
  readonly limit: number;
}

function laplaceCase(num: bigint, den: bigint): NoiseCase {
  const b = Number(num) / Number(den);
  const scale: Rational = createRational(num, den);
  return {
    label: `discrete Laplace b = ${den === 1n ? num : `${num}/${den}`}`,
    draw: (rng) => sampleDiscreteLaplace(scale, rng),
    pmf: (factor = 1) => discreteLaplacePmf(factor * b),
    scale: b,
    limit: Math.ceil(40 * b) + 10,
  };
}

function gaussianCase(num: bigint, den: bigint): NoiseCase {
  const sigma2 = Number(num) / Number(den);
  const parameter: Rational = createRational(num, den);
  return {
    label: `discrete Gaussian σ² = ${den === 1n ? num : `${num}/${den}`}`,
    draw: (rng) => sampleDiscreteGaussian(parameter, rng),
    pmf: (factor = 1) => discreteGaussianPmf(factor * sigma2),
    scale: Math.sqrt(sigma2),
    limit: Math.ceil(40 * Math.sqrt(sigma2)) + 10,
  };
}

const LAPLACE_1000 = laplaceCase(1000n, 1n);
const GAUSSIAN_QUARTER = gaussianCase(1n, 4n);
const GAUSSIAN_10000 = gaussianCase(10_000n, 1n);
const CASES: readonly NoiseCase[] = [
  laplaceCase(1n, 2n),
  laplaceCase(1n, 1n),
  laplaceCase(3n, 1n),
  LAPLACE_1000,
  GAUSSIAN_QUARTER,
  gaussianCase(1n, 1n),
  gaussianCase(4n, 1n),
  gaussianCase(25n, 2n),
  GAUSSIAN_10000,
];

/** Tail points ⌈s⌉, ⌈2s⌉, ⌈3s⌉ (distinct) for scale s. */
const tailPoints = (scale: number): number[] => [
  ...new Set([1, 2, 3].map((m) => Math.max(1, Math.ceil(m * scale)))),
];

/** True when every tail P(|X| ≥ t) at the case's tail points fits (Wilson, z = 6). */
function tailsFit(samples: readonly bigint[], c: NoiseCase, pmf: Pmf): boolean {
  return tailPoints(c.scale).every((t) => {
    const count = samples.filter((x) => x >= BigInt(t) || x <= -BigInt(t)).length;
    return proportionFits(count, samples.length, tailMass(pmf, t, c.limit));
  });
}

describe('CKS20 noise shape (OpenDP checks)', () => {
  const rng = createFastRandomSource();
  // Drawn once per case and shared by its checks, including the extra ones below.
  const drawn = new Map<NoiseCase, bigint[]>();
  const samplesOf = (c: NoiseCase): bigint[] => {
    const cached = drawn.get(c) ?? Array.from({ length: N }, () => c.draw(rng));
    drawn.set(c, cached);
    return cached;
  };

  for (const c of CASES) {
    describe(c.label, () => {
      let samples: bigint[] = [];
      before(() => {
        samples = samplesOf(c);
      });
      const width = Math.max(1, Math.round(c.scale / 2));
      // A shift of a fifth of a scale is small but far outside every check's tolerance.
      const shift = BigInt(Math.max(1, Math.ceil(c.scale / 5)));
      const shifted = (): bigint[] => samples.map((x) => x + shift);

      it('has mean 0 (z = 6 with the exact variance) and rejects a shift by a fifth of a scale', () => {
        const { m2 } = evenMoments(c.pmf(), c.limit);
        assert.ok(zeroMeanFits(samples, m2));
        assert.equal(zeroMeanFits(shifted(), m2), false);
      });

      it('has the exact tails P(|X| ≥ t) at t = ⌈s⌉, ⌈2s⌉, ⌈3s⌉, and rejects a scale off by 10%', () => {
        assert.ok(tailsFit(samples, c, c.pmf()));
        for (const factor of [0.9, 1.1]) {
          assert.equal(tailsFit(samples, c, c.pmf(factor)), false, `factor ${factor}`);
        }
      });

      it('has P(+k) = P(−k) at every k (χ² over magnitude bins), and rejects the shifted law', () => {
        assert.ok(signBalanceFits(samples, width));
        assert.equal(signBalanceFits(shifted(), width), false);
      });

      it('has the log-ratio slope of its pmf, and rejects a scale off by 10%', () => {
        const fit = logRatioSlope(samples, c.pmf(), width);
        assert.ok(slopeFits(samples, c.pmf(), width), `λ = ${fit.estimate} ± ${fit.se}`);
        for (const factor of [0.9, 1.1]) {
          assert.equal(slopeFits(samples, c.pmf(factor), width), false, `factor ${factor}`);
        }
      });
    });
  }

  describe('checks the other sampler files leave out', () => {
    it('discrete Laplace b = 1000: χ² on 40 bins with both tails, P(0) and variance', () => {
      const c = LAPLACE_1000;
      const samples = samplesOf(c);
      const edges = Array.from({ length: 41 }, (_, i) => (i - 20) * 200);
      const counts = binnedCounts(samples, edges);
      assert.ok(chiSquareFits(counts, binnedProbabilities(c.pmf(), edges, c.limit)));
      assert.equal(chiSquareFits(counts, binnedProbabilities(c.pmf(1.1), edges, c.limit)), false);
      assertProportion(samples.filter((x) => x === 0n).length, N, c.pmf()(0), 'P(0)');
      assert.ok(secondMomentFits(samples, c.pmf(), c.limit));
      assert.equal(secondMomentFits(samples, c.pmf(1.1), c.limit), false);
    });

    it('discrete Gaussian σ² = 10⁴: χ² on 34 bins with both tails', () => {
      const c = GAUSSIAN_10000;
      const samples = samplesOf(c);
      // ±3.4σ keeps the tails at ≥ 5 expected draws even for the 0.9σ² control.
      const edges = Array.from({ length: 35 }, (_, i) => (i - 17) * 20);
      const counts = binnedCounts(samples, edges);
      assert.ok(chiSquareFits(counts, binnedProbabilities(c.pmf(), edges, c.limit)));
      for (const factor of [0.9, 1.1]) {
        const wrong = binnedProbabilities(c.pmf(factor), edges, c.limit);
        assert.equal(chiSquareFits(counts, wrong), false, `factor ${factor}`);
      }
    });

    it('discrete Gaussian σ² = 1/4: E[X²] = Σk²w/Σw', () => {
      const c = GAUSSIAN_QUARTER;
      const samples = samplesOf(c);
      assert.ok(secondMomentFits(samples, c.pmf(), c.limit));
      assert.equal(secondMomentFits(samples, c.pmf(1.1), c.limit), false);
    });

    it('discrete Laplace matches its pmf end to end through libsodium, as node/main.ts builds it', async () => {
      const sodium = await createSodiumRandomSource();
      const c = laplaceCase(3n, 1n);
      const samples = Array.from({ length: 6_000 }, () => c.draw(sodium));
      assert.ok(pmfFits(samples, c.pmf()));
      assert.ok(secondMomentFits(samples, c.pmf(), c.limit));
    });
  });
});
