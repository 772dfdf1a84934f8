import { strict as assert } from 'node:assert';
import { rankingMetrics } from '../../../../benchmark/metrics/ranking-metrics.js';
import { createPrng } from '../../../../benchmark/sim/prng.js';

/** Mann–Whitney by counting every pair: O(P·N), ties half. */
function pairwiseAuroc(labels: Uint8Array, scores: Float64Array): number {
  let pairs = 0;
  let total = 0;
  labels.forEach((p, i) => {
    if (p !== 1) return;
    labels.forEach((n, j) => {
      if (n !== 0) return;
      total += 1;
      const [sp, sn] = [scores[i] as number, scores[j] as number];
      pairs += sp > sn ? 1 : sp === sn ? 0.5 : 0;
    });
  });
  return pairs / total;
}

/** scikit-learn's definition spelled out: Σ over distinct thresholds of ΔRecall·Precision. */
function thresholdwiseAveragePrecision(labels: Uint8Array, scores: Float64Array): number {
  const positives = labels.reduce((a, b) => a + b, 0);
  const thresholds = [...new Set(scores)].sort((a, b) => b - a);
  let previousRecall = 0;
  let ap = 0;
  for (const t of thresholds) {
    let tp = 0;
    let predicted = 0;
    scores.forEach((s, i) => {
      if (s < t) return;
      predicted += 1;
      tp += labels[i] as number;
    });
    ap += (tp / positives - previousRecall) * (tp / predicted);
    previousRecall = tp / positives;
  }
  return ap;
}

function randomCase(seed: string, n: number, levels: number) {
  const rng = createPrng(seed);
  const labels = Uint8Array.from({ length: n }, () => (rng.chance(0.3) ? 1 : 0));
  // Few distinct levels make heavy ties; the label shifts the score so AUROC is not ~0.5.
  const scores = Float64Array.from(labels, (y) =>
    Math.min(1, Math.round((rng.uniform() * 0.8 + y * 0.2) * levels) / levels),
  );
  return { labels, scores };
}

describe('rankingMetrics', () => {
  it('agrees with pairwise AUROC and thresholdwise AP on random data with heavy ties', () => {
    for (const [seed, n, levels] of [
      ['a', 50, 4],
      ['b', 300, 10],
      ['c', 400, 1000],
      ['d', 7, 2],
    ] as const) {
      const { labels, scores } = randomCase(seed, n, levels);
      const m = rankingMetrics(labels, scores);
      assert.ok(Math.abs((m.auroc as number) - pairwiseAuroc(labels, scores)) < 1e-12, seed);
      assert.ok(
        Math.abs((m.auprc as number) - thresholdwiseAveragePrecision(labels, scores)) < 1e-12,
        seed,
      );
    }
  });

  it('counts ties half and does not interpolate precision', () => {
    const labels = Uint8Array.from([1, 0, 1, 0]);
    // All tied: AUROC ½, AP = the positive rate (one threshold, precision 2/4).
    assert.deepEqual(rankingMetrics(labels, Float64Array.from([0.5, 0.5, 0.5, 0.5])), {
      auroc: 0.5,
      auprc: 0.5,
    });
    // Ranked 1, 0, 1, 0 from the top: AUROC 3/4, AP = ½·(1/1) + ½·(2/3).
    const ranked = rankingMetrics(labels, Float64Array.from([0.9, 0.8, 0.7, 0.1]));
    assert.equal(ranked.auroc, 0.75);
    assert.ok(Math.abs((ranked.auprc as number) - (0.5 + 1 / 3)) < 1e-15);
    // Perfectly separated and perfectly reversed.
    assert.deepEqual(rankingMetrics(labels, Float64Array.from([1, 0, 1, 0])), {
      auroc: 1,
      auprc: 1,
    });
    assert.equal(rankingMetrics(labels, Float64Array.from([0, 1, 0, 1])).auroc, 0);
  });

  it('is null with one class or no example', () => {
    const none = { auroc: null, auprc: null };
    assert.deepEqual(rankingMetrics(Uint8Array.from([0, 0]), Float64Array.from([0.1, 0.9])), none);
    assert.deepEqual(rankingMetrics(Uint8Array.from([1, 1]), Float64Array.from([0.1, 0.9])), none);
    assert.deepEqual(rankingMetrics(new Uint8Array(0), new Float64Array(0)), none);
  });

  it('gives the same result for float32 scores as for the same values in float64', () => {
    const { labels, scores } = randomCase('f32', 2000, 1 << 20);
    const single = Float32Array.from(scores);
    assert.deepEqual(
      rankingMetrics(labels, single),
      rankingMetrics(labels, Float64Array.from(single)),
    );
  });

  it('scales to millions of examples (binormal scores: AUROC = Φ(d/√2))', () => {
    const rng = createPrng('binormal');
    const n = 2_000_000;
    const labels = new Uint8Array(n);
    const scores = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      labels[i] = rng.chance(0.2) ? 1 : 0;
      // A logistic map keeps scores in (0, 1) and keeps their order, hence the AUROC.
      scores[i] = 1 / (1 + Math.exp(-(rng.normal() + (labels[i] as number))));
    }
    const started = performance.now();
    const m = rankingMetrics(labels, scores);
    const elapsedMs = performance.now() - started;
    // Φ(1/√2) = 0.760250; the standard error at this n is about 0.0004.
    assert.ok(Math.abs((m.auroc as number) - 0.760249938) < 0.003, String(m.auroc));
    // Generous: O(n log n) takes well under a second here; O(n²) would take hours.
    assert.ok(elapsedMs < 10_000, `${elapsedMs} ms`);
  });
});
