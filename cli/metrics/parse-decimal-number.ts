/** A decimal number as CSV exports write it: no NaN, Infinity, hex, or decimal comma. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The number written in `text` (surrounding spaces ignored), correctly
 * rounded to the nearest double; NaN when `text` is not a decimal number,
 * ±Infinity when it overflows (e.g. `1e999`).
 */
export function parseDecimalNumber(text: string): number {
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}
