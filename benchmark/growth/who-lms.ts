import type { Lms } from './lms.js';
import type { TableLookup, WhoLookup } from './lms-lookup.js';
import { lmsOf, whoTableLookup } from './lms-lookup.js';
import type { LmsTable } from './lms-table.js';
import { parseLmsTable } from './lms-table.js';
import {
  WHO2006_BFA_TSV,
  WHO2006_HCFA_TSV,
  WHO2006_LHFA_TSV,
  WHO2006_WFA_TSV,
  WHO2006_WFH_TSV,
  WHO2006_WFL_TSV,
} from './tables/who2006.js';
import {
  WHO2006_ACFA_TSV,
  WHO2006_SSFA_TSV,
  WHO2006_TSFA_TSV,
} from './tables/who2006-arm-skinfold.js';
import { WHO2007_BFA_TSV, WHO2007_HFA_TSV, WHO2007_WFA_TSV } from './tables/who2007.js';

/**
 * The WHO LMS tables by indicator. The suffix names the reference:
 * 2006 = WHO Child Growth Standards (0–5 y), 2007 = WHO Growth Reference (5–19 y).
 * - `wfa2006`, `lhfa2006`, `bfa2006`, `hcfa2006`: x is age in days (rounded half up; 0–1826).
 * - `acfa2006` (arm circumference, cm), `tsfa2006` (triceps skinfold, mm),
 *   `ssfa2006` (subscapular skinfold, mm): x is age in days (rounded half up; 91–1826).
 * - `wfl2006` (45–110 cm), `wfh2006` (65–120 cm): x is length/height in cm, interpolated per 0.1 cm.
 * - `hfa2007`, `bfa2007` (60–229 mo), `wfa2007` (60–121 mo): x is age in months, interpolated per month.
 */
export type WhoIndicator =
  | 'wfa2006'
  | 'lhfa2006'
  | 'bfa2006'
  | 'hcfa2006'
  | 'acfa2006'
  | 'tsfa2006'
  | 'ssfa2006'
  | 'wfl2006'
  | 'wfh2006'
  | 'hfa2007'
  | 'wfa2007'
  | 'bfa2007';

interface TableSource {
  readonly tsv: string;
  readonly step: number;
  readonly lookup: WhoLookup;
}

const SOURCES: Record<WhoIndicator, TableSource> = {
  wfa2006: { tsv: WHO2006_WFA_TSV, step: 1, lookup: 'round' },
  lhfa2006: { tsv: WHO2006_LHFA_TSV, step: 1, lookup: 'round' },
  bfa2006: { tsv: WHO2006_BFA_TSV, step: 1, lookup: 'round' },
  hcfa2006: { tsv: WHO2006_HCFA_TSV, step: 1, lookup: 'round' },
  acfa2006: { tsv: WHO2006_ACFA_TSV, step: 1, lookup: 'round' },
  tsfa2006: { tsv: WHO2006_TSFA_TSV, step: 1, lookup: 'round' },
  ssfa2006: { tsv: WHO2006_SSFA_TSV, step: 1, lookup: 'round' },
  wfl2006: { tsv: WHO2006_WFL_TSV, step: 0.1, lookup: 'interpolate' },
  wfh2006: { tsv: WHO2006_WFH_TSV, step: 0.1, lookup: 'interpolate' },
  hfa2007: { tsv: WHO2007_HFA_TSV, step: 1, lookup: 'interpolate' },
  wfa2007: { tsv: WHO2007_WFA_TSV, step: 1, lookup: 'interpolate' },
  bfa2007: { tsv: WHO2007_BFA_TSV, step: 1, lookup: 'interpolate' },
};

// Parsed on first use: most processes touch only a few tables, and parsing
// all twelve (~40 000 rows) at import time would slow every CLI start.
const parsed = new Map<WhoIndicator, LmsTable>();
const lookups = new Map<WhoIndicator, TableLookup>();

function tableOf(indicator: WhoIndicator): LmsTable {
  let table = parsed.get(indicator);
  if (table === undefined) {
    const source = SOURCES[indicator];
    table = parseLmsTable(source.tsv, source.step);
    parsed.set(indicator, table);
  }
  return table;
}

/**
 * L, M and S of a WHO reference at `x` (age in days, cm or months: see
 * `WhoIndicator`) for `sex` (1 boys, 2 girls), or undefined outside the
 * table. This is the table's own range; the WHO software scores a narrower
 * one for some indicators (see `scoreWho`). Never extrapolates.
 */
export function whoLms(indicator: WhoIndicator, sex: number, x: number): Lms | undefined {
  return lmsOf(whoLookup(indicator).one, sex, x);
}

/** L, M, S of one lookup; reused because per-visit scoring must not allocate. */
const scratch = new Float64Array(3);

/**
 * `z(value, L, M, S)` at `x` of a WHO reference, NaN outside the table:
 * `whoLms` without its allocations, for scoring visit by visit.
 */
export function whoZ(
  indicator: WhoIndicator,
  sex: number,
  x: number,
  value: number,
  z: (value: number, l: number, m: number, s: number) => number,
): number {
  if (!whoLookup(indicator).one(sex, x, scratch)) return Number.NaN;
  return z(value, scratch[0] as number, scratch[1] as number, scratch[2] as number);
}

/** The allocation-free forms of `whoLms`, for one row or a chunk of rows (batch scoring). */
export function whoLookup(indicator: WhoIndicator): TableLookup {
  let lookup = lookups.get(indicator);
  if (lookup === undefined) {
    lookup = whoTableLookup(tableOf(indicator), SOURCES[indicator].lookup);
    lookups.set(indicator, lookup);
  }
  return lookup;
}
