/**
 * The deliberate flaw of `baseline/biased`: for one sex, half of each
 * growth.status score is replaced by a pseudo-random value computed from
 * the row's own age and weight. The other sex's scores are untouched, so
 * fairness reporting (AUROC gap and equal-opportunity difference by sex)
 * has a real, known gap to show. A mix with noise rather than a pull towards
 * the prevalence: a monotone change of one group's scores would leave that
 * group's AUROC exactly as it was.
 *
 * The noise is frac(age_days·a + weight_kg·b) in float32 arithmetic: what
 * the graph computes (Mul, Add, Floor, Sub on float32), reproduced here
 * exactly with `Math.fround` after each step.
 */
import { STATUS_FEATURES, STATUS_LABELS } from '../tasks/growth-status-contract.js';

/** Which rows are degraded and how much. */
export interface StatusBias {
  /** Value of the `sex` column whose scores are degraded (1 male, 2 female). */
  readonly sex: number;
  /** Share of each degraded score replaced by noise, in [0, 1]. */
  readonly noiseShare: number;
}

/**
 * The demo's biased model: girls' scores are 80% noise. With half noise the
 * labels the baseline separates best (stunting, underweight) lost only about
 * 0.03 of AUROC, a gap the DP noise of a demo round can hide.
 */
export const STATUS_BIAS: StatusBias = Object.freeze({ sex: 2, noiseShare: 0.8 });

/** Multipliers of the noise, as float32: irrational-ish, so neighbouring ages and weights scatter. */
export const NOISE_AGE_FACTOR = Math.fround(0.6180339887);
export const NOISE_WEIGHT_FACTOR = Math.fround(7.3890561);

const WIDTH = STATUS_FEATURES.length;
const LABELS = STATUS_LABELS.length;
const SEX = STATUS_FEATURES.indexOf('sex');
const AGE = STATUS_FEATURES.indexOf('age_days');
const WEIGHT = STATUS_FEATURES.indexOf('weight_kg');

/** The noise of one row in [0, 1), bit for bit the graph's float32 result. */
export function statusNoise(ageDays: number, weightKg: number): number {
  const f = Math.fround;
  const mixed = f(f(f(ageDays) * NOISE_AGE_FACTOR) + f(f(weightKg) * NOISE_WEIGHT_FACTOR));
  return f(mixed - Math.floor(mixed));
}

/**
 * `scores` (rows × 6 probabilities of the fair model) as the biased model
 * gives them for `input` (rows × 6 contract features): rows of `bias.sex`
 * become (1 − share)·score + share·noise, the others stay as they are.
 */
export function biasStatusScores(
  input: Float32Array,
  scores: Float64Array,
  rows: number,
  bias: StatusBias = STATUS_BIAS,
): Float64Array {
  const biased = scores.slice();
  for (let row = 0; row < rows; row += 1) {
    if (input[row * WIDTH + SEX] !== bias.sex) continue;
    const noise = statusNoise(
      input[row * WIDTH + AGE] as number,
      input[row * WIDTH + WEIGHT] as number,
    );
    for (let label = 0; label < LABELS; label += 1) {
      const score = scores[row * LABELS + label] as number;
      biased[row * LABELS + label] = score + bias.noiseShare * (noise - score);
    }
  }
  return biased;
}
