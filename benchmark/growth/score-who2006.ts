import { lmsZ, lmsZRestricted, roundHalfUp } from './lms.js';
import type { WhoIndicator } from './who-lms.js';
import { whoZ } from './who-lms.js';
import type { WhoScores, WhoVisit } from './who-scores.js';
import { missingScores, withFlags } from './who-scores.js';
import type { WhoPosition } from './who-stature.js';
import {
  DAYS_PER_MONTH,
  correctWhoStature,
  usesWeightForLength,
  whoPosition,
} from './who-stature.js';

export { DAYS_PER_MONTH } from './who-stature.js';

/** anthro's `allowed_age_range` upper bound, kept from the days when the tables ran to 1856 d. */
const MAX_AGE_DAYS = 1856;

/**
 * Scores one visit against the WHO Child Growth Standards 2006 exactly as the
 * WHO anthro R package (`anthro_zscores`, current version) does:
 * - age in days rounded half up selects the daily row; z only while the
 *   unrounded age in months is < 60 (so to day 1826, where the tables end);
 * - a standing height under 9 months is an invalid position: it is used
 *   uncorrected; otherwise standing height before day 731 gets +0.7 cm and
 *   recumbent length from day 731 gets −0.7 cm;
 * - BMI uses the corrected stature; weight-based z use restricted tails;
 * - weight-for-length (< 731 d, 45–110 cm) or weight-for-height (≥ 731 d,
 *   65–120 cm) is chosen by age, or by the measured position when the age
 *   is missing (then it is the only z computed).
 * Negative ages score nothing.
 */
export function scoreWho2006(visit: WhoVisit): WhoScores {
  const { sex, ageDays } = visit;
  if (ageDays < 0 || (sex !== 1 && sex !== 2)) return missingScores();
  const ageMonths = ageDays / DAYS_PER_MONTH;
  const day = roundHalfUp(ageDays);
  const position = whoPosition(visit.recumbent ? 'l' : 'h', ageMonths);
  const stature = correctWhoStature(visit.statureCm, ageDays, position);
  const bmi = visit.weightKg / (stature / 100) ** 2;
  const ageValid = ageDays <= MAX_AGE_DAYS && ageMonths < 60;
  const byAge = (indicator: WhoIndicator, x: number, z: ZFunction): number =>
    ageValid ? whoZ(indicator, sex, day, x, z) : Number.NaN;
  return withFlags({
    waz: byAge('wfa2006', visit.weightKg, lmsZRestricted),
    haz: byAge('lhfa2006', stature, lmsZ),
    whz: weightForStatureZ(visit, stature, position),
    baz: byAge('bfa2006', bmi, lmsZRestricted),
    hcz: byAge('hcfa2006', visit.headCircumferenceCm, lmsZ),
  });
}

type ZFunction = (x: number, l: number, m: number, s: number) => number;

/** Weight-for-length or weight-for-height z (anthro `anthro_zscore_weight_for_lenhei`). */
function weightForStatureZ(visit: WhoVisit, stature: number, position: WhoPosition): number {
  const { ageDays } = visit;
  const useLength = usesWeightForLength(ageDays, position, stature);
  const [low, high] = useLength ? [45, 110] : [65, 120];
  const ageValid =
    Number.isNaN(ageDays) || (ageDays <= MAX_AGE_DAYS && ageDays / DAYS_PER_MONTH < 60);
  if (!ageValid || !(stature >= low && stature <= high)) return Number.NaN;
  return whoZ(
    useLength ? 'wfl2006' : 'wfh2006',
    visit.sex,
    stature,
    visit.weightKg,
    lmsZRestricted,
  );
}
