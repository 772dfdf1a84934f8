import type { GrowthIndicator } from './growth-indicators.js';
import { GROWTH_INDICATORS } from './growth-indicators.js';
import type { IndicatorMeasurement, IndicatorSpec } from './indicator-spec.js';
import type { GrowthScore } from './score-indicator.js';
import { notScored, scoreIndicator } from './score-indicator.js';
import type { WhoPosition } from './who-stature.js';
import {
  DAYS_PER_MONTH,
  correctWhoStature,
  usesWeightForLength,
  whoPosition,
} from './who-stature.js';

/**
 * One measurement as an analyst records it, for one indicator. Every number
 * may be NaN (missing). Give the age in days or in months (1 month =
 * 30.4375 days); when both are given each serves where the reference uses it.
 */
export interface GrowthMeasurement {
  readonly indicator: GrowthIndicator;
  /** 1 male, 2 female. */
  readonly sex: number;
  readonly ageDays: number;
  readonly ageMonths: number;
  /** Recumbent length (`l`) or standing height (`h`); undefined when not recorded. */
  readonly measure: WhoPosition;
  readonly weightKg: number;
  /** Length or height as measured, cm (no position correction applied). */
  readonly lenheiCm: number;
  readonly headcCm: number;
  readonly armcCm: number;
  readonly triskinMm: number;
  readonly subskinMm: number;
  /** BMI as recorded, kg/m²; when missing it is computed from weight and length/height. */
  readonly bmi: number;
}

/**
 * Scores a measurement the way each reference's own software does:
 * - WHO 2006 (anthro): the ±0.7 cm length/height correction by age and
 *   measured position (none for a standing height under 9 months), BMI on
 *   the corrected stature, and `wfl`/`wfh` alike scoring weight against the
 *   table the age chooses (length before day 731), or the position when the
 *   age is missing;
 * - WHO 2007 (anthroplus) and CDC: the stature as given (neither corrects
 *   for position), weight-for-length/stature by stature alone.
 * A recorded BMI is used as it is; otherwise BMI = weight / stature².
 */
export function scoreMeasurement(row: GrowthMeasurement): GrowthScore {
  const spec = GROWTH_INDICATORS[row.indicator];
  const ageDays = Number.isNaN(row.ageDays) ? row.ageMonths * DAYS_PER_MONTH : row.ageDays;
  const ageMonths = Number.isNaN(row.ageMonths) ? row.ageDays / DAYS_PER_MONTH : row.ageMonths;
  if (spec.reference === 'WHO2006') return scoreWho2006Row(row, spec, ageDays, ageMonths);
  const x = spec.axis === 'ageMonths' ? ageMonths : row.lenheiCm;
  return scoreIndicator(row.indicator, row.sex, x, valueOf(spec.measurement, row, row.lenheiCm));
}

function scoreWho2006Row(
  row: GrowthMeasurement,
  spec: IndicatorSpec,
  ageDays: number,
  ageMonths: number,
): GrowthScore {
  const position = whoPosition(row.measure, ageMonths);
  const stature = correctWhoStature(row.lenheiCm, ageDays, position);
  if (spec.axis === 'ageDays') {
    return scoreIndicator(row.indicator, row.sex, ageDays, valueOf(spec.measurement, row, stature));
  }
  // anthro scores weight-for-length/height only under 60 months when the age is known.
  if (ageDays < 0 || ageMonths >= 60) return notScored('AGE_OUT_OF_RANGE');
  const table = usesWeightForLength(ageDays, position, stature) ? 'who2006.wfl' : 'who2006.wfh';
  return scoreIndicator(table, row.sex, stature, row.weightKg);
}

/** The value an indicator scores, with BMI computed when it was not recorded. */
function valueOf(
  measurement: IndicatorMeasurement,
  row: GrowthMeasurement,
  stature: number,
): number {
  switch (measurement) {
    case 'weightKg':
      return row.weightKg;
    case 'lenheiCm':
      return stature;
    case 'bmi':
      return Number.isNaN(row.bmi) ? bmiOf(row.weightKg, stature) : row.bmi;
    case 'headcCm':
      return row.headcCm;
    case 'armcCm':
      return row.armcCm;
    case 'triskinMm':
      return row.triskinMm;
    case 'subskinMm':
      return row.subskinMm;
  }
}

/** weight / (stature in m)²; NaN when either is missing, 0 when either is not positive. */
function bmiOf(weightKg: number, statureCm: number): number {
  if (Number.isNaN(weightKg) || Number.isNaN(statureCm)) return Number.NaN;
  if (!(weightKg > 0 && statureCm > 0)) return 0;
  return weightKg / (statureCm / 100) ** 2;
}
