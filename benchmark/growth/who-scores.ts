import { roundZ } from './lms.js';

/** One visit to score against the WHO references. Every number may be NaN (missing). */
export interface WhoVisit {
  /** 1 male, 2 female. */
  sex: 1 | 2;
  /** Age at the visit in days (whole days in a cohort; fractional days are rounded half up as WHO does). */
  ageDays: number;
  weightKg: number;
  /** Recumbent length or standing height as measured, in cm (no position correction applied yet). */
  statureCm: number;
  /** True when `statureCm` is a recumbent length, false when it is a standing height. */
  recumbent: boolean;
  headCircumferenceCm: number;
}

/** Which z-scores are flagged as biologically implausible (WHO cut-offs on the 2-dp z). */
export interface WhoFlags {
  waz: boolean;
  haz: boolean;
  whz: boolean;
  baz: boolean;
  hcz: boolean;
}

/**
 * Unrounded WHO z-scores of one visit; NaN when not computable or outside the
 * range the WHO software scores (never extrapolated).
 */
export interface WhoScores {
  /** Weight-for-age (restricted tails); to 120 months. */
  waz: number;
  /** Length/height-for-age, on the position-corrected stature under 5 y. */
  haz: number;
  /** Weight-for-length (< 731 d) or weight-for-height (≥ 731 d); under 5 y only. */
  whz: number;
  /** BMI-for-age (restricted tails). */
  baz: number;
  /** Head circumference-for-age; under 5 y only. */
  hcz: number;
  flagged: WhoFlags;
}

/** The five z-scores without flags. */
export type WhoZ = Omit<WhoScores, 'flagged'>;

/** Scores with every z missing. */
export function missingScores(): WhoScores {
  const nan = Number.NaN;
  return withFlags({ waz: nan, haz: nan, whz: nan, baz: nan, hcz: nan });
}

/**
 * Adds WHO's implausibility flags (anthro and anthroplus use the same cut-offs):
 * |HAZ| > 6, WAZ < −6 or > 5, |z| > 5 for the others. WHO compares the z
 * rounded to 2 decimals, so the flags do too. A missing z is never flagged.
 */
export function withFlags(z: WhoZ): WhoScores {
  // Built field by field: an object spread here costs more than the five z-scores.
  return {
    waz: z.waz,
    haz: z.haz,
    whz: z.whz,
    baz: z.baz,
    hcz: z.hcz,
    flagged: {
      waz: beyond(z.waz, -6, 5),
      haz: beyond(z.haz, -6, 6),
      whz: beyond(z.whz, -5, 5),
      baz: beyond(z.baz, -5, 5),
      hcz: beyond(z.hcz, -5, 5),
    },
  };
}

function beyond(z: number, low: number, high: number): boolean {
  const rounded = roundZ(z);
  return rounded < low || rounded > high;
}
