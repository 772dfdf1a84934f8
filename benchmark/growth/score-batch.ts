import { CentileError } from '../errors.js';
import { cdcExtendedBmiZ } from './cdc-extended-bmi.js';
import { cdcZ } from './cdc-z.js';
import type { GrowthIndicator } from './growth-indicators.js';
import { GROWTH_INDICATORS } from './growth-indicators.js';
import type { FlagRule, IndicatorSpec } from './indicator-spec.js';
import { inXRange } from './indicator-spec.js';
import { indicatorLookup, isFlagged } from './indicator-z.js';
import { lmsZ, lmsZRestricted } from './lms.js';

/** Rows per chunk: the LMS scratch columns (3 × 16 KiB) stay in the L1/L2 cache. */
const CHUNK = 2048;

/** One chunk's rows and LMS columns (k = i − from). */
interface Chunk {
  readonly sex: Uint8Array;
  readonly x: Float64Array;
  readonly value: Float64Array;
  readonly from: number;
  readonly to: number;
  readonly l: Float64Array;
  readonly m: Float64Array;
  readonly s: Float64Array;
}

/**
 * Scores a whole column of measurements on one indicator, in place and
 * without allocating per row (millions of rows per second on one core).
 * Row i is `sex[i]` (1 male, 2 female), `x[i]` on the indicator's axis (age
 * in days for WHO 2006, months for WHO 2007 and CDC, cm for weight-for-
 * length/height) and `value[i]` in the indicator's unit. `out[i]` receives
 * the unrounded z, or NaN when the row cannot be scored (same rules and
 * same numbers as `scoreIndicator`); `flags[i]`, when given, 1 for an
 * implausible value and 0 otherwise.
 * @throws CentileError `GROWTH_BATCH_LENGTH_MISMATCH` when the arrays differ in length.
 */
export function scoreBatch(
  indicator: GrowthIndicator,
  sex: Uint8Array,
  x: Float64Array,
  value: Float64Array,
  out: Float64Array,
  flags?: Uint8Array,
): void {
  const n = out.length;
  if (sex.length !== n || x.length !== n || value.length !== n || (flags?.length ?? n) !== n) {
    throw new CentileError(
      'invalid-input',
      'GROWTH_BATCH_LENGTH_MISMATCH',
      'The batch arrays must all have the same length.',
    );
  }
  const spec = GROWTH_INDICATORS[indicator];
  const { fill } = indicatorLookup(spec);
  const size = Math.min(n, CHUNK);
  const [l, m, s] = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
  for (let from = 0; from < n; from += CHUNK) {
    const chunk: Chunk = { sex, x, value, from, to: Math.min(n, from + CHUNK), l, m, s };
    fill(sex, x, chunk.from, chunk.to, l, m, s);
    scoreChunk(spec, chunk, out);
    if (flags !== undefined) flagChunk(spec.flag, chunk, out, flags);
  }
}

/** Whether row i can be scored: x in range, a usable value, and an LMS found. */
function scorable(spec: IndicatorSpec, c: Chunk, i: number): boolean {
  const v = c.value[i] ?? Number.NaN;
  const usable = v > 0 && v >= spec.minValue && v < Number.POSITIVE_INFINITY;
  return usable && inXRange(spec.range, c.x[i] ?? Number.NaN) && !Number.isNaN(c.l[i - c.from]);
}

// One loop per method rather than a switch inside one loop: every call in a
// loop then has a single target, which the compiler inlines.

function scoreChunk(spec: IndicatorSpec, c: Chunk, out: Float64Array): void {
  switch (spec.method) {
    case 'who-lms':
      return lmsLoop(spec, c, out);
    case 'who-restricted':
      return restrictedLoop(spec, c, out);
    case 'cdc':
      return cdcLoop(spec, c, out);
    case 'cdc-extended-bmi':
      return extendedLoop(spec, c, out);
  }
}

function lmsLoop(spec: IndicatorSpec, c: Chunk, out: Float64Array): void {
  const { from, to, value, l, m, s } = c;
  for (let i = from; i < to; i += 1) {
    const k = i - from;
    out[i] = scorable(spec, c, i)
      ? lmsZ(value[i] ?? Number.NaN, l[k] ?? Number.NaN, m[k] ?? Number.NaN, s[k] ?? Number.NaN)
      : Number.NaN;
  }
}

function restrictedLoop(spec: IndicatorSpec, c: Chunk, out: Float64Array): void {
  const { from, to, value, l, m, s } = c;
  for (let i = from; i < to; i += 1) {
    const k = i - from;
    out[i] = scorable(spec, c, i)
      ? lmsZRestricted(
          value[i] ?? Number.NaN,
          l[k] ?? Number.NaN,
          m[k] ?? Number.NaN,
          s[k] ?? Number.NaN,
        )
      : Number.NaN;
  }
}

function cdcLoop(spec: IndicatorSpec, c: Chunk, out: Float64Array): void {
  const { from, to, value, l, m, s } = c;
  for (let i = from; i < to; i += 1) {
    const k = i - from;
    out[i] = scorable(spec, c, i)
      ? cdcZ(value[i] ?? Number.NaN, l[k] ?? Number.NaN, m[k] ?? Number.NaN, s[k] ?? Number.NaN)
      : Number.NaN;
  }
}

function extendedLoop(spec: IndicatorSpec, c: Chunk, out: Float64Array): void {
  const { from, to, sex, x, value, l, m, s } = c;
  for (let i = from; i < to; i += 1) {
    const k = i - from;
    out[i] = scorable(spec, c, i)
      ? cdcExtendedBmiZ(
          value[i] ?? Number.NaN,
          sex[i] === 1 ? 1 : 2,
          x[i] ?? Number.NaN,
          l[k] ?? Number.NaN,
          m[k] ?? Number.NaN,
          s[k] ?? Number.NaN,
        )
      : Number.NaN;
  }
}

function flagChunk(rule: FlagRule, c: Chunk, out: Float64Array, flags: Uint8Array): void {
  const { from, to, value, l, m, s } = c;
  for (let i = from; i < to; i += 1) {
    const k = i - from;
    const z = out[i] ?? Number.NaN;
    const v = value[i] ?? Number.NaN;
    const flagged = isFlagged(rule, z, v, l[k] ?? 0, m[k] ?? 0, s[k] ?? 0);
    flags[i] = flagged ? 1 : 0;
  }
}
