/**
 * z-scores the way CDC's SAS program for the 2000 growth charts computes
 * them (`%_zscore` in cdc-source-code.sas, 2022 version).
 */

/**
 * CDC's LMS z: ((X/M)^L − 1)/(L·S), but ln(X/M)/S whenever |L| < 0.01, not
 * only at L = 0. The two differ by about L·ln(X/M)²/(2S), which reaches
 * 6e-4 in stature-for-age where the interpolated L crosses zero; this is
 * why a plain LMS implementation (cdcanthro) matches CDC's published haz
 * only to 6e-4 while this one matches it to the printed digits.
 * NaN when `x` is not a positive number.
 */
export function cdcZ(x: number, l: number, m: number, s: number): number {
  if (!(x > 0)) return Number.NaN;
  const logRatio = Math.log(x / m);
  // expm1(L·ln(X/M)) is (X/M)^L − 1 without its cancellation (see lms.ts).
  if (Math.abs(l) >= 0.01) return Math.expm1(l * logRatio) / (l * s);
  return logRatio / s;
}

/**
 * CDC's modified z-score, used only to flag biologically implausible values:
 * the distance from the median in units of half the distance between the
 * median and the ±2 SD curve on that side (so skewed tails do not shrink it).
 */
export function cdcModifiedZ(x: number, l: number, m: number, s: number): number {
  if (!(x > 0)) return Number.NaN;
  if (x < m) return (x - m) / ((m - sdCurve(-2, l, m, s)) / 2);
  return (x - m) / ((sdCurve(2, l, m, s) - m) / 2);
}

/** M·(1 + L·S·z)^(1/L), the measurement at z (M·e^(S·z) at L = 0). */
function sdCurve(z: number, l: number, m: number, s: number): number {
  return l === 0 ? m * Math.exp(s * z) : m * Math.exp(Math.log1p(l * s * z) / l);
}

/** CDC's cut-offs on the modified z for a biologically implausible value (2016 on). */
export interface BivLimits {
  readonly low: number;
  readonly high: number;
}

/**
 * True when a modified z is biologically implausible: below `low` or above
 * `high` (the SAS `_cuts` macro keeps low ≤ z ≤ high). NaN is never flagged.
 */
export function isCdcBiv(modifiedZ: number, limits: BivLimits): boolean {
  return modifiedZ < limits.low || modifiedZ > limits.high;
}
