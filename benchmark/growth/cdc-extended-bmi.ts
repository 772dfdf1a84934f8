import { cdcZ } from './cdc-z.js';
import type { Lms } from './lms.js';
import { lmsValue } from './lms.js';
import { normalCdf, normalQuantile } from './normal-cdf.js';

/** Φ⁻¹(0.95): the BMI-for-age 95th percentile curve, where the extended method starts. */
export const Z_P95 = 1.6448536269514722;

/**
 * The extended z is capped here when its percentile rounds to 100: the
 * largest z a double percentile below 100 can give is about 8.2095
 * (CDC's SAS program and cdcanthro use the same cap).
 */
export const EXTENDED_Z_CAP = 8.21;

/** A BMI-for-age z and its percentile (0–100). */
export interface ExtendedBmiScore {
  readonly z: number;
  readonly percentile: number;
}

/**
 * The scale σ (kg/m²) of the half-normal tail above P95 at `ageMonths`
 * (Wei et al. 2020, Table 3): boys 0.3728 + 0.5196·y − 0.0091·y², girls
 * 0.8334 + 0.3712·y − 0.0011·y², y = age in years. Unrounded, as CDC's SAS
 * program computes it: cdcanthro rounds σ to 8 decimals (like CDC's
 * bmi-age-2022.csv), which moves the extended z by up to about 4e-8 and
 * misses CDC's SAS output in its 8th digit; this matches every printed digit.
 */
export function extendedBmiSigma(sex: 1 | 2, ageMonths: number): number {
  const years = ageMonths / 12;
  const sigma =
    sex === 1
      ? 0.3728 + 0.5196 * years - 0.0091 * years * years
      : 0.8334 + 0.3712 * years - 0.0011 * years * years;
  return sigma;
}

/**
 * CDC 2022 extended BMI-for-age. Below the 95th percentile it is the
 * ordinary CDC 2000 LMS z (and 100·Φ(z)). From P95 = M(1 + L·S·1.645)^(1/L)
 * up, the percentile is 90 + 10·Φ((BMI − P95)/σ) and the z its normal
 * quantile, so severe obesity keeps spreading out instead of piling up
 * near z = 3 as the LMS curves make it. `lms` is the BMI-for-age LMS at the
 * child's age; NaN z and percentile when `bmi` is not a positive number.
 */
export function cdcExtendedBmi(
  bmi: number,
  sex: 1 | 2,
  ageMonths: number,
  lms: Lms,
): ExtendedBmiScore {
  const { l, m, s } = lms;
  const z = cdcZ(bmi, l, m, s);
  if (!isExtended(z)) return { z, percentile: 100 * normalCdf(z) };
  const percentile = extendedPercentile(bmi, sex, ageMonths, l, m, s);
  return { z: extendedZ(percentile), percentile };
}

/** The z of `cdcExtendedBmi` alone, without allocating (for batch scoring). */
export function cdcExtendedBmiZ(
  bmi: number,
  sex: 1 | 2,
  ageMonths: number,
  l: number,
  m: number,
  s: number,
): number {
  const z = cdcZ(bmi, l, m, s);
  return isExtended(z) ? extendedZ(extendedPercentile(bmi, sex, ageMonths, l, m, s)) : z;
}

/** At or above the 95th percentile, decided on z as the SAS program does (`if bmipct > 95`). */
function isExtended(z: number): boolean {
  return z >= Z_P95;
}

function extendedPercentile(
  bmi: number,
  sex: 1 | 2,
  ageMonths: number,
  l: number,
  m: number,
  s: number,
): number {
  const p95 = lmsValue(Z_P95, l, m, s);
  return 90 + 10 * normalCdf((bmi - p95) / extendedBmiSigma(sex, ageMonths));
}

function extendedZ(percentile: number): number {
  const p = percentile / 100;
  return p < 1 ? normalQuantile(p) : EXTENDED_Z_CAP;
}
