import { roundHalfUp } from './lms.js';

/** WHO's fixed month length (anthro `ANTHRO_DAYS_OF_MONTH`). */
export const DAYS_PER_MONTH = 30.4375;

/** First day scored as height (standing) rather than length (recumbent): 24 months. */
export const FIRST_HEIGHT_DAY = 731;

/** How a stature was measured: recumbent length, standing height, or unknown. */
export type WhoPosition = 'l' | 'h' | undefined;

/**
 * The position anthro uses: a standing height under 9 months is treated as
 * of unknown position (anthro's `c9mo_flag`), so it gets no correction.
 */
export function whoPosition(measured: WhoPosition, ageMonths: number): WhoPosition {
  return measured === 'h' && ageMonths < 9 ? undefined : measured;
}

/**
 * The stature on the scale of the table the age selects (anthro
 * `adjust_lenhei`): recumbent length runs about 0.7 cm longer than standing
 * height, so a height before day 731 gets +0.7 cm and a length from day 731
 * gets −0.7 cm. Without an age or a position nothing is corrected.
 */
export function correctWhoStature(
  statureCm: number,
  ageDays: number,
  position: WhoPosition,
): number {
  const day = roundHalfUp(ageDays);
  if (day < FIRST_HEIGHT_DAY && position === 'h') return statureCm + 0.7;
  if (day >= FIRST_HEIGHT_DAY && position === 'l') return statureCm - 0.7;
  return statureCm;
}

/**
 * Whether weight is scored against the weight-for-length table (else
 * weight-for-height), as anthro chooses: by the unrounded age when it is
 * known (length before day 731); by the measured position when it is not;
 * and by the stature (length below 87 cm) when neither is known.
 */
export function usesWeightForLength(
  ageDays: number,
  position: WhoPosition,
  statureCm: number,
): boolean {
  if (!Number.isNaN(ageDays)) return ageDays < FIRST_HEIGHT_DAY;
  return position === 'l' || (position === undefined && statureCm < 87);
}
