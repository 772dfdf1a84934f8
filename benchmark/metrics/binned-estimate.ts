/**
 * What a metric computed from a score histogram can say about the exact
 * metric of the examples behind it. Inside a bin the scores are unknown, so
 * the exact value can be anywhere in an interval; the interval is computed
 * from the histogram alone (it is post-processing of the release) and is
 * tight: some set of scores with this histogram attains, or approaches
 * arbitrarily closely, each end (docs/metrics.md derives each one).
 */
import { clip } from './noisy-counts.js';

/** A closed interval [lower, upper]. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/** A metric's value from bins, and the interval that holds the exact value. */
export interface BinnedEstimate {
  readonly value: number;
  /** Every exact metric consistent with the histogram lies in here; so does `value`. */
  readonly bounds: Interval;
}

/** The histogram of one class over equal-width bins on [0, 1] (invalid outputs removed). */
export type ClassCounts = readonly number[];

/**
 * An estimate and its bounds clipped to the metric's range [low, high].
 * Noisy counts (noisy-counts.ts) can carry a ratio or its bounds beyond the
 * range, or (negative cells) turn bounds inside out; the bounds are put back
 * around the value.
 */
export function clippedEstimate(
  value: number,
  bounds: Interval,
  [low, high]: readonly [number, number],
): BinnedEstimate {
  return {
    value: clip(value, low, high),
    bounds: {
      lower: clip(Math.min(bounds.lower, value), low, high),
      upper: clip(Math.max(bounds.upper, value), low, high),
    },
  };
}
