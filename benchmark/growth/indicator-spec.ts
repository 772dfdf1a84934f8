import type { CdcChart } from './cdc-lms.js';
import type { BivLimits } from './cdc-z.js';
import type { WhoIndicator } from './who-lms.js';

/** The growth references, named as hospital analysts write them. */
export type GrowthReference = 'WHO2006' | 'WHO2007' | 'CDC2000' | 'CDC2022ext';

/** What x is: age in days or months, or a length/height in cm (already position-corrected). */
export type IndicatorAxis = 'ageDays' | 'ageMonths' | 'lengthCm' | 'heightCm';

/** What the scored value is, with its unit. */
export type IndicatorMeasurement =
  'weightKg' | 'lenheiCm' | 'bmi' | 'headcCm' | 'armcCm' | 'triskinMm' | 'subskinMm';

/**
 * How z is computed: WHO plain LMS, WHO restricted tails beyond ±3 SD,
 * CDC's LMS (log when |L| < 0.01), CDC 2022 extended BMI.
 */
export type ZMethod = 'who-lms' | 'who-restricted' | 'cdc' | 'cdc-extended-bmi';

/** The x values an indicator scores; outside them there is no score (never extrapolated). */
export interface XRange {
  readonly min: number;
  readonly max: number;
  readonly minInclusive: boolean;
  readonly maxInclusive: boolean;
}

/**
 * Implausibility flag: WHO compares the z rounded to 2 decimals with
 * [low, high]; CDC compares its modified z (biologically implausible value).
 */
export type FlagRule =
  | { readonly rule: 'who-z'; readonly low: number; readonly high: number }
  | ({ readonly rule: 'cdc-modified-z' } & BivLimits);

/** Where L, M and S come from. */
export type IndicatorTable =
  | { readonly kind: 'who'; readonly indicator: WhoIndicator }
  | { readonly kind: 'cdc'; readonly chart: CdcChart };

/** Everything needed to score one indicator. */
export interface IndicatorSpec {
  readonly reference: GrowthReference;
  /** The indicator's name within its reference (`wfa`, `bfa_ext`, …). */
  readonly name: string;
  readonly axis: IndicatorAxis;
  readonly measurement: IndicatorMeasurement;
  readonly table: IndicatorTable;
  readonly method: ZMethod;
  readonly range: XRange;
  readonly flag: FlagRule;
  /**
   * Smallest measurement scored (values must also be > 0). CDC's SAS
   * program sets z to missing below 0.01 (`if .z < weight < 0.01`).
   */
  readonly minValue: number;
}

/** True when `x` lies in `range`; false for NaN. */
export function inXRange(range: XRange, x: number): boolean {
  const aboveMin = range.minInclusive ? x >= range.min : x > range.min;
  const belowMax = range.maxInclusive ? x <= range.max : x < range.max;
  return aboveMin && belowMax;
}
