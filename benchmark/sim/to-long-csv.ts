import type { Cohort } from '../cohort.js';
import { CentileError } from '../errors.js';
import type { SimUnitCode } from './sim-units.js';
import { CM_PER_IN, KG_PER_LB, SIM_UNIT_LABEL, SimUnit, pickUnits, siUnit } from './sim-units.js';

/** Header row of the long CSV format the CSV adapter reads (DESIGN §5). */
export const LONG_CSV_HEADER =
  'child_id,sex,birth_date,gestational_age_weeks,measurement_date,kind,value,unit,estimated';

/** `kind` column spelling, indexed by `MeasurementKind`. */
export const LONG_CSV_KINDS = ['weight', 'length', 'height', 'head_circumference', 'bmi'] as const;

/** Options of `toLongCsv`. */
export interface LongCsvOptions {
  /** Record some values in g, lb or in (chosen deterministically from `seed`). */
  readonly unitMix?: boolean;
  /** Seed of the unit choice; defaults to `'units'`. */
  readonly seed?: string;
  /** Units already chosen (e.g. `SimSite.units`), index-aligned with the measurements; wins over `unitMix`. */
  readonly units?: Uint8Array;
}

/** Most decimals written per unit: finer than any scale or board, coarser than float noise. */
const DECIMALS: Record<SimUnitCode, number> = [3, 0, 2, 2, 2, 2];

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
  const units = unitsFor(cohort, options);
  const childColumns = children.ids.map((id, i) => {
    const sex = children.sex[i] === 1 ? 'M' : 'F';
    const birthDay = children.birthDay[i] ?? 0;
    const gestation = children.gestationalAgeDays[i] ?? Number.NaN;
    const weeks = Number.isNaN(gestation) ? '' : (gestation / 7).toFixed(1);
    return { prefix: `${quote(id)},${sex},${isoDate(birthDay)},${weeks}`, birthDay };
  });
  const lines = [`${LONG_CSV_HEADER}\n`];
  for (let i = 0; i < measurements.child.length; i += 1) {
    const child = childColumns[measurements.child[i] ?? 0];
    if (child === undefined) continue; // impossible for a built cohort: child indices are valid
    const kind = measurements.kind[i] ?? 0;
    const ageDays = measurements.ageDays[i] ?? 0;
    const unit = (units?.[i] ?? siUnit(kind)) as SimUnitCode;
    const value = formatValue(fromSi(measurements.value[i] ?? Number.NaN, unit), DECIMALS[unit]);
    const date = isoDate(child.birthDay + ageDays);
    const estimated = measurements.estimated[i] === 1 ? '1' : '0';
    lines.push(
      `${child.prefix},${date},${LONG_CSV_KINDS[kind] ?? ''},${value},${SIM_UNIT_LABEL[unit]},${estimated}\n`,
    );
  }
  return lines;
}

function unitsFor(cohort: Cohort, options: LongCsvOptions): Uint8Array | undefined {
  if (options.units !== undefined) {
    const known = options.units.every((unit) => unit in SIM_UNIT_LABEL);
    if (!known || options.units.length !== cohort.measurements.kind.length) {
      throw new CentileError(
        'invalid-input',
        'SIM_UNITS_MISMATCH',
        'units must have one known unit per measurement.',
      );
    }
    return options.units;
  }
  return options.unitMix === true ? pickUnits(cohort, options.seed ?? 'units') : undefined;
}

/** Converts an SI value (kg, cm, kg/m²) to the unit it is written in. */
function fromSi(value: number, unit: SimUnitCode): number {
  switch (unit) {
    case SimUnit.g:
      return value * 1000;
    case SimUnit.lb:
      return value / KG_PER_LB;
    case SimUnit.in:
      return value / CM_PER_IN;
    case SimUnit.kg:
    case SimUnit.cm:
    case SimUnit.kgPerM2:
      return value;
  }
}

/** Fixed decimals with trailing zeros trimmed: 10.4 → "10.4", 3250 → "3250". */
function formatValue(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '';
  return String(Number(value.toFixed(decimals)));
}

/** Days since 1970-01-01 → `YYYY-MM-DD` (UTC). */
export function isoDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** RFC 4180 quoting, only needed for ids from other sources. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
