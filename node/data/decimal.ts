/**
 * Exact decimal numbers from CSV text. Unit conversion multiplies the
 * written decimal by the exact decimal factor (e.g. 0.45359237 kg per lb) in
 * integer arithmetic and rounds once at the end, so `19.5 in` becomes
 * exactly the double nearest 49.53 cm, not a product of two rounded doubles.
 */

/** `digits × 10^exponent`, exactly. */
export interface Decimal {
  readonly digits: bigint;
  readonly exponent: number;
}

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?$/;

/**
 * The decimal written in `text` (optional sign, digits, optional fraction,
 * optional exponent); undefined for anything else, including `NaN`,
 * `Infinity`, hex and decimal commas.
 */
export function parseDecimal(text: string): Decimal | undefined {
  const match = DECIMAL.exec(text);
  if (match === null) return undefined;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  if (whole === '' && fraction === '') return undefined;
  return {
    digits: BigInt(`${sign}${whole}${fraction}`),
    exponent: Number(exponent) - fraction.length,
  };
}

/** The exact product of two decimals. */
export function multiplyDecimal(a: Decimal, b: Decimal): Decimal {
  return { digits: a.digits * b.digits, exponent: a.exponent + b.exponent };
}

/** The double nearest to `value` (JavaScript's string-to-number conversion rounds correctly). */
export function decimalToNumber(value: Decimal): number {
  return Number(`${value.digits}e${value.exponent}`);
}
