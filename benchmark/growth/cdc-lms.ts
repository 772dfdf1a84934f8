import type { Lms } from './lms.js';
import type { CdcTable } from './cdc-table.js';
import { parseCdcTable } from './cdc-table.js';
import type { TableLookup } from './lms-lookup.js';
import { cdcTableLookup, lmsOf } from './lms-lookup.js';
import {
  CDC2000_BFA_TSV,
  CDC2000_HCFA_TSV,
  CDC2000_LFA_TSV,
  CDC2000_SFA_TSV,
  CDC2000_WFA_TSV,
  CDC2000_WFL_TSV,
  CDC2000_WFS_TSV,
} from './tables/cdc2000.js';

/**
 * The CDC 2000 charts, as CDC's SAS program holds them (CDCref_d.csv):
 * - `wfa` weight-for-age, 0–240 months: the infant chart to 23.5 months,
 *   then the 2–20 y chart (from 24 months the SAS program uses wtage.csv's
 *   values for infants too);
 * - `lfa` recumbent length-for-age, 0–36.5 months;
 * - `sfa` stature-for-age, 23.5–240 months;
 * - `bfa` BMI-for-age, 23.5–240 months;
 * - `hcfa` head circumference-for-age, 0–36.5 months;
 * - `wfl` weight-for-recumbent-length, 45–103.5 cm;
 * - `wfs` weight-for-stature, 77–121.5 cm.
 * Age is in months, on the grid 0, 0.5, 1.5, … (a point at x.5 stands for
 * completed month x). The 23.5-month rows of `sfa` and `bfa` exist only so
 * that 24 ≤ age < 24.5 has a bracket, as in the SAS program; they lie on the
 * line through the 24.0 and 24.5 rows of the charts. Weight's 23.5 row is
 * the infant chart's, so between 24 and 24.5 months the SAS weight differs
 * from a wtage.csv lookup (by up to 5e-4 in L).
 */
export type CdcChart = 'wfa' | 'lfa' | 'sfa' | 'bfa' | 'hcfa' | 'wfl' | 'wfs';

const SOURCES: Record<CdcChart, string> = {
  wfa: CDC2000_WFA_TSV,
  lfa: CDC2000_LFA_TSV,
  sfa: CDC2000_SFA_TSV,
  bfa: CDC2000_BFA_TSV,
  hcfa: CDC2000_HCFA_TSV,
  wfl: CDC2000_WFL_TSV,
  wfs: CDC2000_WFS_TSV,
};

// Parsed on first use, like the WHO tables.
const parsed = new Map<CdcChart, CdcTable>();
const lookups = new Map<CdcChart, TableLookup>();

/** The parsed table of one CDC chart. */
export function cdcTable(chart: CdcChart): CdcTable {
  let table = parsed.get(chart);
  if (table === undefined) {
    table = parseCdcTable(SOURCES[chart]);
    parsed.set(chart, table);
  }
  return table;
}

/**
 * L, M and S of a CDC chart at `x` (months, or cm for `wfl`/`wfs`) for `sex`
 * (1 boys, 2 girls), interpolated linearly between grid points exactly as
 * CDC's SAS program does; undefined outside the chart's grid (the last grid
 * point excluded) or for another sex. This is the table's range; the
 * indicators score narrower ones (see `GROWTH_INDICATORS`).
 */
export function cdcLms(chart: CdcChart, sex: number, x: number): Lms | undefined {
  return lmsOf(cdcLookup(chart).one, sex, x);
}

/** The allocation-free forms of `cdcLms`, for one row or a chunk of rows (batch scoring). */
export function cdcLookup(chart: CdcChart): TableLookup {
  let lookup = lookups.get(chart);
  if (lookup === undefined) {
    lookup = cdcTableLookup(cdcTable(chart));
    lookups.set(chart, lookup);
  }
  return lookup;
}
