import type { Prng } from './prng.js';
import type { SimSiteSpec } from './sim-site-spec.js';
import type { TrueSize } from './size-at-z.js';

/** What a clinic recorded at one visit; NaN = not measured. */
export interface RecordedVisit {
  readonly ageDays: number;
  readonly weightKg: number;
  readonly weightEstimated: boolean;
  readonly statureCm: number;
  /** True for a recumbent length, false for a standing height. */
  readonly recumbent: boolean;
  readonly headCm: number;
  /** A BMI the clinic system computed and stored (some EHRs do). */
  readonly bmi: number;
}

/** Well-child visit schedule in days: newborn, infancy, toddler, then yearly to 12 y. */
export const VISIT_SCHEDULE_DAYS = [
  3, 30, 61, 122, 183, 274, 365, 456, 548, 730, 1095, 1461, 1826, 2191, 2557, 2922, 3287, 3652,
  4018, 4383,
] as const;

const STATURE_ERROR_SD_CM = 0.5;
const WEIGHT_ERROR_CV = 0.01;
const ESTIMATED_WEIGHT_CV = 0.05;
const HEAD_ERROR_SD_CM = 0.3;
/** Share of visits where stature, and (under 3 y) head circumference, are measured. */
const STATURE_MEASURED = 0.93;
const HEAD_MEASURED = 0.85;
const HEAD_LAST_DAY = 1095;

/**
 * The ages of a child's attended visits: scheduled days up to its last visit,
 * jittered (SD a few days in infancy, a month later; at most 60 days), each missed with the
 * site's rate except the last, which always happens.
 */
export function visitAges(lastScheduledDay: number, missedRate: number, rng: Prng): number[] {
  const scheduled = VISIT_SCHEDULE_DAYS.filter((day) => day <= lastScheduledDay);
  const ages: number[] = [];
  let previous = 0;
  scheduled.forEach((day, i) => {
    // Within ±2 SD, so a visit never lands more than 60 days after its slot.
    const sd = Math.min(30, Math.max(1, 0.04 * day));
    const jitter = Math.round(sd * Math.max(-2, Math.min(2, rng.normal())));
    const age = Math.max(previous + 1, day + jitter);
    previous = age;
    if (i === scheduled.length - 1 || !rng.chance(missedRate)) ages.push(age);
  });
  return ages;
}

/**
 * Records one visit from the child's true size: measurement position (lying
 * under 2 y, standing after, with a few exceptions), the 0.7 cm a recumbent
 * length exceeds a standing height, measurement error, rounding to what
 * scales and boards show, missing measurements and estimated weights.
 */
export function measureVisit(
  truth: TrueSize,
  ageDays: number,
  spec: SimSiteSpec,
  rng: Prng,
): RecordedVisit {
  const recumbent =
    ageDays < 731 ? !(ageDays >= 274 && rng.chance(0.04)) : ageDays < 1096 && rng.chance(0.05);
  // truth.statureCm is a length before day 731 and a height from it (and from 5 y).
  const offset = ageDays < 731 ? (recumbent ? 0 : -0.7) : recumbent ? 0.7 : 0;
  const statureCm = rng.chance(STATURE_MEASURED)
    ? roundTo(truth.statureCm + offset + STATURE_ERROR_SD_CM * rng.normal(), 0.1)
    : Number.NaN;
  const weightEstimated = rng.chance(spec.estimatedWeightRate);
  const weightKg = weightEstimated
    ? roundTo(
        truth.weightKg * (1 + ESTIMATED_WEIGHT_CV * rng.normal()),
        truth.weightKg < 5 ? 0.1 : 0.5,
      )
    : roundTo(
        truth.weightKg * (1 + WEIGHT_ERROR_CV * rng.normal()),
        truth.weightKg < 10 ? 0.01 : 0.1,
      );
  const headCm =
    ageDays <= HEAD_LAST_DAY && rng.chance(HEAD_MEASURED)
      ? roundTo(truth.headCm + HEAD_ERROR_SD_CM * rng.normal(), 0.1)
      : Number.NaN;
  const bmi =
    ageDays >= 730 && !Number.isNaN(statureCm) && rng.chance(spec.bmiRecordedRate)
      ? roundTo(weightKg / (statureCm / 100) ** 2, 0.1)
      : Number.NaN;
  return { ageDays, weightKg, weightEstimated, statureCm, recumbent, headCm, bmi };
}

/** Rounds to a multiple of `step` (0.1, 0.01, 0.5), cleaning binary noise (75.30000000000001 → 75.3). */
function roundTo(value: number, step: number): number {
  const decimals = step >= 1 ? 0 : Math.ceil(-Math.log10(step));
  return Number((Math.round(value / step) * step).toFixed(decimals));
}
