/**
 * Cole's LMS method: a measurement X at a point of a reference with
 * Box-Cox power L, median M and coefficient of variation S has
 * z = ((X/M)^L − 1) / (L·S), or ln(X/M)/S when L = 0.
 *
 * Powers are taken as exp(L·ln(X/M)), and (X/M)^L − 1 as expm1(L·ln(X/M)):
 * V8's general `**` costs about three times as much (batch scoring must
 * reach millions of rows per second), and expm1 avoids the cancellation of
 * "− 1" near the median, so z is at least as accurate as the R code's
 * `((y / m)^l - 1) / (s * l)` (anthro `compute_zscore`); both agree to a
 * few units in the last place, far below the 2 decimals WHO reports.
 */

/** One row of an LMS reference table. */
export interface Lms {
  readonly l: number;
  readonly m: number;
  readonly s: number;
}

/** Plain LMS z-score of `x`; NaN when `x` is not a positive number. */
export function lmsZ(x: number, l: number, m: number, s: number): number {
  if (!(x > 0)) return Number.NaN;
  const logRatio = Math.log(x / m);
  if (l === 0) return logRatio / s;
  return Math.expm1(l * logRatio) / (s * l);
}

/**
 * The measurement at z-score `z` (the inverse of `lmsZ`): M·(1 + L·S·z)^(1/L),
 * or M·exp(S·z) when L = 0. NaN where the Box-Cox curve is undefined
 * (1 + L·S·z ≤ 0, only reached far out in the tails).
 */
export function lmsValue(z: number, l: number, m: number, s: number): number {
  if (l === 0) return m * Math.exp(s * z);
  const lsz = l * s * z;
  if (!(lsz > -1)) return Number.NaN;
  return m * Math.exp(Math.log1p(lsz) / l);
}

/**
 * WHO "restricted" z-score for weight-based indicators (weight-for-age,
 * weight-for-length/height, BMI-for-age). Inside ±3 SD it is the LMS z.
 * Beyond, WHO measures the distance in units of the 2→3 SD spacing, because
 * the fitted Box-Cox curve stretches the right tail of weight too far:
 * z > 3 → 3 + (X − SD3)/(SD3 − SD2); z < −3 → −3 + (X − SD3neg)/(SD2neg − SD3neg).
 */
export function lmsZRestricted(x: number, l: number, m: number, s: number): number {
  const z = lmsZ(x, l, m, s);
  if (z > 3) {
    const sd3 = lmsValue(3, l, m, s);
    return 3 + (x - sd3) / (sd3 - lmsValue(2, l, m, s));
  }
  if (z < -3) {
    const sd3neg = lmsValue(-3, l, m, s);
    return -3 + (x - sd3neg) / (lmsValue(-2, l, m, s) - sd3neg);
  }
  return z;
}

/**
 * The measurement at restricted z-score `z` (the inverse of `lmsZRestricted`):
 * linear in the 2→3 SD spacing beyond ±3 SD. Simulations use it so that a
 * latent z maps back to the same z when scored.
 */
export function lmsValueRestricted(z: number, l: number, m: number, s: number): number {
  if (z > 3) {
    const sd3 = lmsValue(3, l, m, s);
    return sd3 + (z - 3) * (sd3 - lmsValue(2, l, m, s));
  }
  if (z < -3) {
    const sd3neg = lmsValue(-3, l, m, s);
    return sd3neg + (z + 3) * (lmsValue(-2, l, m, s) - sd3neg);
  }
  return lmsValue(z, l, m, s);
}

/**
 * Rounds half up to an integer, as anthro's `round_up` does for ages in days
 * (R's own `round` rounds half to even, which would move day 0.5 to 0).
 */
export function roundHalfUp(x: number): number {
  const floor = Math.floor(x);
  return x - floor >= 0.5 ? floor + 1 : floor;
}

/**
 * Rounds to 2 decimals the way WHO reports z-scores. Flags are decided on the
 * rounded value (anthro rounds before comparing), so a z of 5.004 is not flagged.
 */
export function roundZ(z: number): number {
  const r = Math.round(Math.abs(z) * 100) / 100;
  return (z < 0 ? -r : r) + 0; // + 0 turns −0 into 0
}
