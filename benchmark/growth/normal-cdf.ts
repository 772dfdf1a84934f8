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
 */

/** Φ for |z| ≤ 0.67448975 (the quartile): Φ = ½ + z·A(z²)/B(z²). */
const A = [
  2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249,
  0.065682337918207449113,
] as const;
const B = [
  47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956,
] as const;
/** Upper tail for 0.674 < |z| ≤ √32: Q = e^(−z²/2)·C(|z|)/D(|z|). */
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226,
  2494.5375852903726711, 6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
  1.0765576773720192317e-8,
] as const;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755,
  18615.571640885098091, 34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
] as const;
/** Upper tail for |z| > √32, in 1/z²: Q = e^(−z²/2)·(1/√(2π) − P/Q)/|z|. */
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466,
  2.9112874951168792e-5, 0.02307344176494017303,
] as const;
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244,
  7.29751555083966205e-5,
] as const;

const QUARTILE = 0.67448975;
const SQRT_32 = 5.656854249492380195206754896838;
const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
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
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125,
  45921.953931549871457, 67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
] as const;
const CENTRAL_DEN = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867,
  39307.89580009271061, 28729.085735721942674, 5226.495278852545925,
] as const;
/** AS 241 for the tails with √(−ln p) ≤ 5, in r − 1.6. */
const NEAR_NUM = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833,
  7.7454501427834140764e-4,
] as const;
const NEAR_DEN = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
] as const;
/** AS 241 for the far tails (p below about 1.4e-11), in r − 5. */
const FAR_NUM = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5,
  2.01033439929228813265e-7,
] as const;
const FAR_DEN = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525,
  7.868691311456132591e-4, 1.8463183175100546818e-5, 1.4215117583164458887e-7,
  2.04426310338993978564e-15,
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
