import type { GrowthIndicator } from './growth-indicators.js';
import { GROWTH_INDICATORS } from './growth-indicators.js';
import type { IndicatorSpec } from './indicator-spec.js';
import { inXRange } from './indicator-spec.js';
import { indicatorLookup, indicatorPercentile, indicatorZ, isFlagged } from './indicator-z.js';

/**
 * Why a measurement has no score. Stable codes, shown to analysts:
 * the sex is not 1 or 2; the age (or length/height for weight-for-length
 * indicators) is missing or outside what the reference covers; the
 * measurement is missing, not positive, or infinite.
 */
export type ScoreReason =
  | 'SEX_INVALID'
  | 'AGE_MISSING'
  | 'AGE_OUT_OF_RANGE'
  | 'LENHEI_MISSING'
  | 'LENHEI_OUT_OF_RANGE'
  | 'MEASUREMENT_MISSING'
  | 'MEASUREMENT_NOT_POSITIVE'
  | 'MEASUREMENT_INVALID';

/** One score. When `reason` is set, z and percentile are NaN and `flagged` is false. */
export interface GrowthScore {
  /** Unrounded z-score. */
  readonly z: number;
  /** Percentile, 0–100. */
  readonly percentile: number;
  /** Implausible value by the reference's own rule (WHO z cut-offs, CDC modified z). */
  readonly flagged: boolean;
  readonly reason?: ScoreReason;
}

/**
 * Scores one measurement on one indicator.
 * @param sex 1 male, 2 female.
 * @param x the indicator's axis (`GROWTH_INDICATORS[indicator].axis`): age in
 *   days (WHO 2006), age in months (WHO 2007, CDC) or length/height in cm,
 *   already position-corrected where the reference asks for it.
 * @param value the measurement in the indicator's unit (kg, cm, mm, kg/m²).
 * Outside the reference's range there is no score: never extrapolated.
 */
export function scoreIndicator(
  indicator: GrowthIndicator,
  sex: number,
  x: number,
  value: number,
): GrowthScore {
  const spec = GROWTH_INDICATORS[indicator];
  const problem = checkInputs(spec, sex, x, value);
  if (problem !== undefined) return notScored(problem);
  const lms = new Float64Array(3);
  if (!indicatorLookup(spec).one(sex, x, lms)) return notScored(outOfRange(spec));
  const [l = Number.NaN, m = Number.NaN, s = Number.NaN] = lms;
  const known = sex as 1 | 2;
  const z = indicatorZ(spec, value, l, m, s, known, x);
  return {
    z,
    percentile: indicatorPercentile(spec, z, value, { l, m, s }, known, x),
    flagged: isFlagged(spec.flag, z, value, l, m, s),
  };
}

/** The first reason, in the order an analyst would fix them, or undefined. */
function checkInputs(
  spec: IndicatorSpec,
  sex: number,
  x: number,
  value: number,
): ScoreReason | undefined {
  const byAge = spec.axis === 'ageDays' || spec.axis === 'ageMonths';
  if (sex !== 1 && sex !== 2) return 'SEX_INVALID';
  if (Number.isNaN(x)) return byAge ? 'AGE_MISSING' : 'LENHEI_MISSING';
  if (!inXRange(spec.range, x)) return outOfRange(spec);
  if (Number.isNaN(value)) return 'MEASUREMENT_MISSING';
  if (!(value > 0 && value >= spec.minValue)) return 'MEASUREMENT_NOT_POSITIVE';
  if (value === Number.POSITIVE_INFINITY) return 'MEASUREMENT_INVALID';
  return undefined;
}

function outOfRange(spec: IndicatorSpec): ScoreReason {
  return spec.axis === 'ageDays' || spec.axis === 'ageMonths'
    ? 'AGE_OUT_OF_RANGE'
    : 'LENHEI_OUT_OF_RANGE';
}

/** A score that does not exist, and why. */
export function notScored(reason: ScoreReason): GrowthScore {
  return { z: Number.NaN, percentile: Number.NaN, flagged: false, reason };
}
