/**
 * The standard normal distribution, to full double precision, in pure code.
 *
 * `normalCdf` uses W. J. Cody's rational Chebyshev approximations of the
 * error function (Math. Comp. 1969; ACM TOMS Algorithm 715), arranged for
 * Φ directly: it keeps a relative accuracy of about 1e-15 far into the
 * lower tail, where 1 − Φ(−z) would have lost every digit. Percentiles of
 * implausible measurements (z of −8 and below) therefore stay meaningful.
 *
 * `normalQuantile` uses M. J. Wichura's AS 241 (PPND16, Applied Statistics
 * 1988), accurate to about 1e-16 relative.
 *
 * The published 20-digit coefficients are written as the doubles nearest to
 * them (17 significant digits), which is all a double can hold.
 */

/** Φ for |z| ≤ 0.67448975 (the quartile): Φ = ½ + z·A(z²)/B(z²). */
const A = [
  2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356,
  0.06568233791820745,
] as const;
const B = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673] as const;
/** Upper tail for 0.674 < |z| ≤ √32: Q = e^(−z²/2)·C(|z|)/D(|z|). */
const C = [
  0.39894151208813466, 8.883149794388377, 93.50665613217785, 597.2702763948002, 2494.5375852903726,
  6848.190450536283, 11602.65143764735, 9842.714838383978, 1.0765576773720192e-8,
] as const;
const D = [
  22.266688044328117, 235.387901782625, 1519.3775994075547, 6485.558298266761, 18615.571640885097,
  34900.95272114598, 38912.00328609327, 19685.429676859992,
] as const;
/** Upper tail for |z| > √32, in 1/z²: Q = e^(−z²/2)·(1/√(2π) − P/Q)/|z|. */
const P = [
  0.215898534057957, 0.12740116116024736, 0.022235277870649807, 0.0014216191932278934,
  0.000029112874951168793, 0.023073441764940174,
] as const;
const Q = [
  1.284260096144911, 0.4682382124808651, 0.06598813786892856, 0.0037823963320275824,
  0.00007297515550839662,
] as const;

const QUARTILE = 0.67448975;
const SQRT_32 = 5.656854249492381;
const ONE_OVER_SQRT_2PI = 0.3989422804014327;
/** Beyond this |z| the tail is below the smallest double (Φ(−38.5) ≈ 1e-324). */
const TAIL_UNDERFLOW = 38.5;

/** Φ(z), the standard normal cumulative distribution; NaN for NaN. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const y = Math.abs(z);
  if (y <= QUARTILE) return 0.5 + z * centralRatio(z * z);
  const tail = upperTail(y);
  return z > 0 ? 1 - tail : tail;
}

function centralRatio(zsq: number): number {
  let num = A[4] * zsq;
  let den = zsq;
  for (let i = 0; i < 3; i += 1) {
    num = (num + (A[i] ?? 0)) * zsq;
    den = (den + (B[i] ?? 0)) * zsq;
  }
  return (num + A[3]) / (den + B[3]);
}

/** Q(y) = 1 − Φ(y) for y > the quartile. */
function upperTail(y: number): number {
  if (y >= TAIL_UNDERFLOW) return 0;
  if (y <= SQRT_32) {
    let num = C[8] * y;
    let den = y;
    for (let i = 0; i < 7; i += 1) {
      num = (num + (C[i] ?? 0)) * y;
      den = (den + (D[i] ?? 0)) * y;
    }
    return expHalfSquare(y) * ((num + C[7]) / (den + D[7]));
  }
  const inv = 1 / (y * y);
  let num = P[5] * inv;
  let den = inv;
  for (let i = 0; i < 4; i += 1) {
    num = (num + (P[i] ?? 0)) * inv;
    den = (den + (Q[i] ?? 0)) * inv;
  }
  const ratio = (inv * (num + P[4])) / (den + Q[4]);
  return (expHalfSquare(y) * (ONE_OVER_SQRT_2PI - ratio)) / y;
}

/**
 * e^(−y²/2) without the rounding error of y²: y is split into a part on a
 * 1/16 grid, whose square is exact, and a small rest (Cody's device).
 */
function expHalfSquare(y: number): number {
  const high = Math.trunc(y * 16) / 16;
  const rest = (y - high) * (y + high);
  return Math.exp(-high * high * 0.5) * Math.exp(-rest * 0.5);
}

/** AS 241 near the median (|p − ½| ≤ 0.425), in r = 0.180625 − q². */
const CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
] as const;
const CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852546,
] as const;
/** AS 241 for the tails with √(−ln p) ≤ 5, in r − 1.6. */
const NEAR_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
] as const;
const NEAR_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008,
  0.015198666563616457, 0.0005475938084995345, 1.0507500716444169e-9,
] as const;
/** AS 241 for the far tails (p below about 1.4e-11), in r − 5. */
const FAR_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487,
  0.026532189526576124, 0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
] as const;
const FAR_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
] as const;

/**
 * Φ⁻¹(p), the standard normal quantile: −∞ at 0, +∞ at 1, NaN outside [0, 1].
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  // 1 − p is exact for p ≥ ½, so the upper tail keeps its digits.
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = polynomial(NEAR_NUM, r) / polynomial(NEAR_DEN, r);
  } else {
    r -= 5;
    value = polynomial(FAR_NUM, r) / polynomial(FAR_DEN, r);
  }
  return q < 0 ? -value : value;
}

/** c0 + c1·x + … + cn·xⁿ by Horner's rule. */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i -= 1) sum = sum * x + (coefficients[i] ?? 0);
  return sum;
}
