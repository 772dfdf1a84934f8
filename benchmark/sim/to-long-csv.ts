import type { Cohort } from '../cohort.js';
import type { SimUnitCode } from './sim-units.js';
import { recordedGestationWeeks, recordedUnits, recordedValue } from './recorded-units.js';
import type { RecordedUnitsOptions } from './recorded-units.js';
import { SIM_UNIT_LABEL, siUnit } from './sim-units.js';

/** Header row of the long CSV format the CSV adapter reads (DESIGN §5). */
export const LONG_CSV_HEADER =
  'child_id,sex,birth_date,gestational_age_weeks,measurement_date,kind,value,unit,estimated';

/** `kind` column spelling, indexed by `MeasurementKind`. */
export const LONG_CSV_KINDS = ['weight', 'length', 'height', 'head_circumference', 'bmi'] as const;

/** Options of `toLongCsv`: which unit each value is written in, or exact SI values. */
export type LongCsvOptions = RecordedUnitsOptions & {
  /**
   * Write every value in its SI unit in the shortest text that parses back to
   * the same float64 (for `data convert`: lossless, whatever the source
   * units were). Unit options are ignored.
   */
  readonly exact?: boolean;
};

/**
 * Writes a cohort as long CSV: the header, then one row per measurement in
 * cohort order. Returned as lines (each ending in `\n`) so callers can stream
 * them; `join('')` gives the whole file. Sex is `M`/`F`, dates `YYYY-MM-DD`
 * (UTC), gestational age in weeks to 1 decimal (empty when unknown), estimated
 * `0`/`1`. Values in g, lb and in convert exactly: 1 lb = 0.45359237 kg,
 * 1 in = 2.54 cm.
 */
export function toLongCsv(cohort: Cohort, options: LongCsvOptions = {}): string[] {
  const { children, measurements } = cohort;
  const units = options.exact === true ? recordedUnits(cohort, {}) : recordedUnits(cohort, options);
  const childColumns = children.ids.map((id, i) => {
    const sex = children.sex[i] === 1 ? 'M' : 'F';
    const birthDay = children.birthDay[i] ?? 0;
    const gestation = children.gestationalAgeDays[i] ?? Number.NaN;
    const weeks = Number.isNaN(gestation)
      ? ''
      : options.exact === true
        ? String(gestation / 7)
        : recordedGestationWeeks(gestation).toFixed(1);
    return { prefix: `${quote(id)},${sex},${isoDate(birthDay)},${weeks}`, birthDay };
  });
  const lines = [`${LONG_CSV_HEADER}\n`];
  for (let i = 0; i < measurements.child.length; i += 1) {
    const child = childColumns[measurements.child[i] ?? 0];
    if (child === undefined) continue; // impossible for a built cohort: child indices are valid
    const kind = measurements.kind[i] ?? 0;
    const ageDays = measurements.ageDays[i] ?? 0;
    const unit = (units[i] ?? siUnit(kind)) as SimUnitCode;
    const si = measurements.value[i] ?? Number.NaN;
    const recorded = options.exact === true ? si : recordedValue(si, unit);
    const value = Number.isFinite(recorded) ? String(recorded) : '';
    const date = isoDate(child.birthDay + ageDays);
    const estimated = measurements.estimated[i] === 1 ? '1' : '0';
    lines.push(
      `${child.prefix},${date},${LONG_CSV_KINDS[kind] ?? ''},${value},${SIM_UNIT_LABEL[unit]},${estimated}\n`,
    );
  }
  return lines;
}

/** Days since 1970-01-01 → `YYYY-MM-DD` (UTC). */
export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** RFC 4180 quoting, only needed for ids from other sources. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
