/**
 * Examples built bin by bin for the binned-metric tests: random class counts
 * per bin, and scores placed inside each bin where a test wants them (spread
 * out, at an end, all tied, …).
 */
import { createPrng } from '../../../../benchmark/sim/prng.js';

export const BINS = 20;
export const WIDTH = 1 / BINS;

/** Labelled scores. */
export interface Examples {
  readonly labels: Uint8Array;
  readonly scores: Float64Array;
}

/** Where the i-th of `count` examples of class `label` goes inside bin `bin`: a score. */
export type Placement = (bin: number, label: 0 | 1, i: number, count: number) => number;

/** Class counts per bin, random but seeded; some bins empty, some one-class. */
export function randomCounts(seed: string): { negative: number[]; positive: number[] } {
  const rng = createPrng(seed);
  const draw = () => (rng.chance(0.2) ? 0 : rng.int(25));
  return {
    negative: Array.from({ length: BINS }, draw),
    positive: Array.from({ length: BINS }, draw),
  };
}

/** The examples with these counts per bin, each at the score `place` gives it. */
export function placeExamples(
  counts: { negative: readonly number[]; positive: readonly number[] },
  place: Placement,
): Examples {
  const labels: number[] = [];
  const scores: number[] = [];
  for (let bin = 0; bin < BINS; bin++) {
    for (const label of [0, 1] as const) {
      const count = (label === 1 ? counts.positive : counts.negative)[bin] as number;
      for (let i = 0; i < count; i++) {
        labels.push(label);
        scores.push(place(bin, label, i, count));
      }
    }
  }
  return { labels: Uint8Array.from(labels), scores: Float64Array.from(scores) };
}

/** The node's histograms (task-release's `scoreBinOf`): BINS cells and one invalid. */
export function histogramsOf({ labels, scores }: Examples): {
  negative: number[];
  positive: number[];
} {
  const negative = new Array<number>(BINS + 1).fill(0);
  const positive = new Array<number>(BINS + 1).fill(0);
  scores.forEach((s, i) => {
    const bin = s >= 0 && s <= 1 ? Math.min(Math.floor(s * BINS), BINS - 1) : BINS;
    const h = labels[i] === 1 ? positive : negative;
    h[bin] = (h[bin] as number) + 1;
  });
  return { negative, positive };
}

/** Scores from a seeded generator: `shape` maps a uniform draw and the label to [0, 1]. */
export function randomExamples(
  seed: string,
  n: number,
  positiveRate: number,
  shape: (u: number, label: number) => number,
): Examples {
  const rng = createPrng(seed);
  const labels = Uint8Array.from({ length: n }, () => (rng.chance(positiveRate) ? 1 : 0));
  const scores = Float64Array.from(labels, (y) => shape(rng.uniform(), y));
  return { labels, scores };
}
