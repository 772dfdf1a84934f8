import type { Sex } from '../cohort.js';
import { lmsValue, lmsValueRestricted } from '../growth/lms.js';
import type { Lms } from '../growth/lms.js';
import { whoLms } from '../growth/who-lms.js';
import type { LatentZ } from './sim-latent.js';

/** True body size of a child: what an error-free measurement would read. */
export interface TrueSize {
  /**
   * Stature on the scale WHO scores at this age: recumbent length before day
   * 731, standing height from day 731. A measurement in the other position
   * differs by 0.7 cm (see `measureVisit`).
   */
  readonly statureCm: number;
  readonly weightKg: number;
  /** NaN from 5 years (no WHO reference). */
  readonly headCm: number;
}

const LAST_WHO2006_DAY = 1826;
const DAYS_PER_MONTH = 30.4375;

/**
 * Inverse LMS: the size whose WHO z-scores are the latent ones, so scoring an
 * error-free Sim child gives back its latent z. Under 5 y: length/height-for-age,
 * weight-for-length (< 731 d) or -height, head circumference-for-age (WHO 2006).
 * From 5 y: height- and BMI-for-age (WHO 2007), weight = BMI × height².
 * Weight uses the restricted-tail inverse, matching how WHO scores weight.
 */
export function sizeAtZ(sex: Sex, ageDays: number, z: LatentZ): TrueSize {
  if (ageDays > LAST_WHO2006_DAY) {
    const months = ageDays / DAYS_PER_MONTH;
    const heightCm = valueAt(whoLms('hfa2007', sex, months), z.stature, lmsValue);
    const bmi = valueAt(whoLms('bfa2007', sex, months), z.weight, lmsValueRestricted);
    return { statureCm: heightCm, weightKg: bmi * (heightCm / 100) ** 2, headCm: Number.NaN };
  }
  const statureCm = valueAt(whoLms('lhfa2006', sex, ageDays), z.stature, lmsValue);
  return {
    statureCm,
    weightKg: weightForStature(sex, ageDays, statureCm, z.weight),
    headCm: valueAt(whoLms('hcfa2006', sex, ageDays), z.head, lmsValue),
  };
}

/**
 * Weight at weight-for-length/height z. Very preterm newborns are shorter than
 * the 45 cm where weight-for-length starts (and a few toddlers fall outside
 * 65–120 cm): there BMI-for-age at the same z stands in.
 */
function weightForStature(sex: Sex, ageDays: number, statureCm: number, z: number): number {
  const [indicator, low, high] =
    ageDays < 731 ? (['wfl2006', 45, 110] as const) : (['wfh2006', 65, 120] as const);
  if (statureCm >= low && statureCm <= high) {
    return valueAt(whoLms(indicator, sex, statureCm), z, lmsValueRestricted);
  }
  const bmi = valueAt(whoLms('bfa2006', sex, ageDays), z, lmsValueRestricted);
  return bmi * (statureCm / 100) ** 2;
}

function valueAt(lms: Lms | undefined, z: number, inverse: typeof lmsValue): number {
  return lms === undefined ? Number.NaN : inverse(z, lms.l, lms.m, lms.s);
}
