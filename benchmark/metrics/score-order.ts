/**
 * Examples sorted by score without a comparator, so ranking metrics of a
 * million examples cost a few linear passes instead of a comparison sort
 * (a comparator sort of a million indices takes seconds; even a native
 * typed-array sort takes ~130 ms and returns no permutation).
 *
 * Each score becomes a 32-bit key whose order and equality are the scores':
 * a float32 score's own bits (non-negative floats order like their bit
 * patterns), or, for float64 scores that are not all float32 values, the
 * score's rank among the sorted scores. The keys are then sorted with a
 * radix sort (radix-sort.ts) that carries a 32-bit payload per example.
 */

import { radixSort } from './radix-sort.js';
import type { KeyedPayloads } from './radix-sort.js';

/**
 * Payloads in ascending score order (ties in no particular order), with
 * their keys: equal keys ⇔ equal scores, larger key ⇔ larger score.
 */
export type ScoreOrder = KeyedPayloads;

/**
 * `payload` (one value per score) in ascending order of `scores`, which
 * must be non-negative and not NaN (probabilities); both are only read.
 * O(n) for float32 scores, O(n log n) otherwise.
 */
export function sortByScore(scores: Float32Array | Float64Array, payload: Uint32Array): ScoreOrder {
  const keys =
    scores instanceof Float32Array || isFloat32Exact(scores)
      ? float32Keys(scores)
      : rankKeys(scores);
  return radixSort(keys, payload);
}

function isFloat32Exact(scores: Float64Array): boolean {
  for (const score of scores) if (Math.fround(score) !== score) return false;
  return true;
}

/**
 * The float32 bits of each score: float32 scores are read in place unless
 * one is −0, whose bits differ from 0's although the two compare equal
 * (adding 0 turns −0 into 0 in the copy).
 */
function float32Keys(scores: Float32Array | Float64Array): Uint32Array {
  if (scores instanceof Float32Array) {
    const bits = new Uint32Array(scores.buffer, scores.byteOffset, scores.length);
    if (!bits.includes(NEGATIVE_ZERO_BITS)) return bits;
  }
  const floats = new Float32Array(scores.length);
  for (let i = 0; i < scores.length; i++) floats[i] = (scores[i] as number) + 0;
  return new Uint32Array(floats.buffer);
}

const NEGATIVE_ZERO_BITS = 0x80000000;

/** Each score's index of first occurrence in the sorted scores: equal scores, equal keys. */
function rankKeys(scores: Float64Array): Uint32Array {
  const sorted = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) sorted[i] = (scores[i] as number) + 0;
  sorted.sort();
  const keys = new Uint32Array(scores.length);
  for (let i = 0; i < scores.length; i++) keys[i] = lowerBound(sorted, scores[i] as number);
  return keys;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
