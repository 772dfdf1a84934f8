import { lmsZ, lmsZRestricted } from './lms.js';
import type { WhoIndicator } from './who-lms.js';
import { whoZ } from './who-lms.js';
import type { WhoScores } from './who-scores.js';
import { missingScores, withFlags } from './who-scores.js';

/**
 * First month scored. Older anthroplus versions scored from 61 months; current
 * anthroplus scores from 60, where anthro (< 60 months) stops, so the two
 * references meet without a gap.
 */
export const WHO2007_FIRST_MONTH = 60;
/**
 * Last month scored for height- and BMI-for-age, inclusive (anthroplus).
 * WHO's older 2007 macro scored below 229, so its outputs have values for
 * 228–229 months that anthroplus, and this code, leave missing.
 */
export const WHO2007_LAST_MONTH = 228;
/**
 * Last month scored for weight-for-age, inclusive: WHO publishes no weight
 * reference beyond 10 y (the old macro scored below 121, as above).
 */
export const WHO2007_LAST_WEIGHT_MONTH = 120;

/**
 * Scores one visit against the WHO Growth Reference 2007 exactly as the WHO
 * anthroplus R package (`anthroplus_zscores`) does: L, M, S interpolated
 * between whole months; height-for-age plain LMS, weight- and BMI-for-age
 * restricted tails; BMI from the height as given (no position correction).
 * Weight-for-length/height and head circumference do not exist here (NaN).
 *
 * @param ageMonths age in months, unrounded (days / 30.4375).
 */
export function scoreWho2007(
  sex: number,
  ageMonths: number,
  weightKg: number,
  heightCm: number,
): WhoScores {
  const inRange = ageMonths >= WHO2007_FIRST_MONTH && ageMonths <= WHO2007_LAST_MONTH;
  if ((sex !== 1 && sex !== 2) || !inRange) return missingScores();
  const score = (indicator: WhoIndicator, x: number, restricted: boolean): number =>
    whoZ(indicator, sex, ageMonths, x, restricted ? lmsZRestricted : lmsZ);
  const bmi = weightKg / (heightCm / 100) ** 2;
  return withFlags({
    waz: ageMonths <= WHO2007_LAST_WEIGHT_MONTH ? score('wfa2007', weightKg, true) : Number.NaN,
    haz: score('hfa2007', heightCm, false),
    whz: Number.NaN,
    baz: score('bfa2007', bmi, true),
    hcz: Number.NaN,
  });
}
