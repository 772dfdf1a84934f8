import { CentileError } from '../errors.js';
import type { GrowthIndicator } from './growth-indicators.js';
import { GROWTH_INDICATORS } from './growth-indicators.js';
import { inXRange } from './indicator-spec.js';
import { indicatorLookup, indicatorZ, isFlagged } from './indicator-z.js';

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
  const { range, minValue, flag } = spec;
  const lookup = indicatorLookup(spec);
  const lms = new Float64Array(3);
  for (let i = 0; i < n; i += 1) {
    const si = sex[i] ?? 0;
    const xi = x[i] ?? Number.NaN;
    const vi = value[i] ?? Number.NaN;
    // The lookup refuses any sex but 1 and 2, so no separate check is needed.
    if (!inXRange(range, xi) || !(vi > 0 && vi >= minValue) || !lookup(si, xi, lms)) {
      out[i] = Number.NaN;
      if (flags !== undefined) flags[i] = 0;
      continue;
    }
    const l = lms[0] ?? Number.NaN;
    const m = lms[1] ?? Number.NaN;
    const s = lms[2] ?? Number.NaN;
    const z = indicatorZ(spec, vi, l, m, s, si as 1 | 2, xi);
    out[i] = z;
    if (flags !== undefined) flags[i] = isFlagged(flag, z, vi, l, m, s) ? 1 : 0;
  }
}
