/**
 * The fast path for decimal numbers in CSV bytes: plain `123` or `123.45`
 * with few enough digits that the result is provably the same double the
 * exact path (`parseDecimal` → `multiplyDecimal` → `decimalToNumber`) gives.
 * Anything else (signs, exponents, `.5`, long mantissas) returns NaN and the
 * caller falls back to the exact path, so no input is ever judged here.
 */

/** More digits than this could exceed 2^53, where integer doubles stop being exact. */
const MAX_DIGITS = 15;
const MAX_EXACT = Number.MAX_SAFE_INTEGER;
/** 10^0 … 10^22 are exact doubles; 10^23 is not. */
const POWERS_OF_TEN = Float64Array.from({ length: 23 }, (_, i) => 10 ** i);
const DIGIT_0 = 48;
const DOT = 46;

/**
 * `text × factorDigits × 10^factorExponent` rounded once to the nearest
 * double, for `text` = bytes `[start, end)` of the form `digits[.digits]`
 * and an integer `factorDigits`; NaN when the text has another form or the
 * fast path cannot guarantee the correctly rounded result.
 *
 * Why it is exact: the mantissa M (≤ 15 digits) and the product M × F stay
 * integers below 2^53, so they are exact doubles; so are 10^k for k ≤ 22.
 * One IEEE multiplication or division of exact operands is correctly
 * rounded, exactly as the string conversion of the exact decimal is.
 */
export function asciiDecimalTimes(
  bytes: Uint8Array,
  start: number,
  end: number,
  factorDigits: number,
  factorExponent: number,
): number {
  let mantissa = 0;
  let digits = 0;
  let dot = -1;
  for (let i = start; i < end; i += 1) {
    const code = (bytes[i] ?? 0) - DIGIT_0;
    if (code >= 0 && code <= 9) {
      mantissa = mantissa * 10 + code;
      digits += 1;
    } else if (code === DOT - DIGIT_0 && dot === -1) {
      dot = i;
    } else {
      return Number.NaN;
    }
  }
  // `.5` and `5.` are valid decimals, but rare: the exact path takes them.
  if (digits === 0 || digits > MAX_DIGITS || dot === start || dot === end - 1) return Number.NaN;
  const fractionDigits = dot === -1 ? 0 : end - dot - 1;
  return scale(mantissa * factorDigits, factorExponent - fractionDigits);
}

/** `integer × 10^exponent`, or NaN when that would not be correctly rounded. */
function scale(integer: number, exponent: number): number {
  if (integer > MAX_EXACT) return Number.NaN;
  if (exponent < 0) {
    const divisor = POWERS_OF_TEN[-exponent];
    return divisor === undefined ? Number.NaN : integer / divisor;
  }
  const multiplier = POWERS_OF_TEN[exponent];
  if (multiplier === undefined) return Number.NaN;
  const product = integer * multiplier;
  // Exact only when the true product is itself an integer below 2^53.
  return product <= MAX_EXACT ? product : Number.NaN;
}
