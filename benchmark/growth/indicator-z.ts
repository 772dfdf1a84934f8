import { cdcExtendedBmi, cdcExtendedBmiZ } from './cdc-extended-bmi.js';
import { cdcLookup } from './cdc-lms.js';
import { cdcModifiedZ, cdcZ, isCdcBiv } from './cdc-z.js';
import type { FlagRule, IndicatorSpec } from './indicator-spec.js';
import { lmsZ, lmsZRestricted, roundZ } from './lms.js';
import type { TableLookup } from './lms-lookup.js';
import { normalCdf } from './normal-cdf.js';
import { whoLookup } from './who-lms.js';

/** The allocation-free L, M, S lookups of an indicator's table. */
export function indicatorLookup(spec: IndicatorSpec): TableLookup {
  const { table } = spec;
  return table.kind === 'who' ? whoLookup(table.indicator) : cdcLookup(table.chart);
}

/**
 * z of `value` at L, M, S by the indicator's method. `sex` and `x` (age in
 * months) matter only for the extended BMI, whose tail scale depends on them.
 */
export function indicatorZ(
  spec: IndicatorSpec,
  value: number,
  l: number,
  m: number,
  s: number,
  sex: 1 | 2,
  x: number,
): number {
  switch (spec.method) {
    case 'who-lms':
      return lmsZ(value, l, m, s);
    case 'who-restricted':
      return lmsZRestricted(value, l, m, s);
    case 'cdc':
      return cdcZ(value, l, m, s);
    case 'cdc-extended-bmi':
      return cdcExtendedBmiZ(value, sex, x, l, m, s);
  }
}

/**
 * The percentile (0–100) that goes with z: 100·Φ(z), except the extended
 * BMI, whose percentile above P95 comes from its own half-normal tail.
 */
export function indicatorPercentile(
  spec: IndicatorSpec,
  z: number,
  value: number,
  lms: { l: number; m: number; s: number },
  sex: 1 | 2,
  x: number,
): number {
  if (spec.method === 'cdc-extended-bmi') return cdcExtendedBmi(value, sex, x, lms).percentile;
  return 100 * normalCdf(z);
}

/**
 * The implausibility flag: WHO's cut-offs on z rounded to 2 decimals (as
 * anthro compares), or CDC's biologically-implausible-value cut-offs on the
 * modified z. A missing z is never flagged.
 */
export function isFlagged(
  rule: FlagRule,
  z: number,
  value: number,
  l: number,
  m: number,
  s: number,
): boolean {
  if (Number.isNaN(z)) return false;
  if (rule.rule === 'cdc-modified-z') return isCdcBiv(cdcModifiedZ(value, l, m, s), rule);
  const rounded = roundZ(z);
  return rounded < rule.low || rounded > rule.high;
}
