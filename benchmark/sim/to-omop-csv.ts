import type { Cohort } from '../cohort.js';
import { MeasurementKind } from '../cohort.js';
import type { SimUnitCode } from './sim-units.js';
import type { RecordedUnitsOptions } from './recorded-units.js';
import { recordedGestationWeeks, recordedUnits, recordedValue } from './recorded-units.js';
import { UCUM } from './to-fhir-quantity.js';
import { FHIR_LOINC_GESTATIONAL_AGE, loincFor } from './to-fhir-resources.js';
import { isoDate } from './to-long-csv.js';

/** Options of `toOmopCsv`; units as in `LongCsvOptions`. */
export type OmopCsvOptions = RecordedUnitsOptions;

/** The two OMOP CDM tables, as lines (each ending in `\n`, header first) so callers can stream them. */
export interface OmopCsv {
  readonly person: string[];
  readonly measurement: string[];
}

/** OMOP CDM v5.4 PERSON columns, in the order of the CDM DDL. */
export const OMOP_PERSON_HEADER =
  'person_id,gender_concept_id,year_of_birth,month_of_birth,day_of_birth,birth_datetime,' +
  'race_concept_id,ethnicity_concept_id,location_id,provider_id,care_site_id,person_source_value,' +
  'gender_source_value,gender_source_concept_id,race_source_value,race_source_concept_id,' +
  'ethnicity_source_value,ethnicity_source_concept_id';

/** OMOP CDM v5.4 MEASUREMENT columns, in the order of the CDM DDL. */
export const OMOP_MEASUREMENT_HEADER =
  'measurement_id,person_id,measurement_concept_id,measurement_date,measurement_datetime,' +
  'measurement_time,measurement_type_concept_id,operator_concept_id,value_as_number,' +
  'value_as_concept_id,unit_concept_id,range_low,range_high,provider_id,visit_occurrence_id,' +
  'visit_detail_id,measurement_source_value,measurement_source_concept_id,unit_source_value,' +
  'unit_source_concept_id,value_source_value,measurement_event_id,meas_event_field_concept_id';

/**
 * Standard concept of each `MeasurementKind` (DESIGN §5). OMOP has no
 * recumbent/standing distinction: length and height are both 3036277, and only
 * `measurement_source_value` (8306-3 vs 8302-2) keeps the position.
 */
export const OMOP_MEASUREMENT_CONCEPT: Record<MeasurementKind, number> = [
  3025315, 3036277, 3036277, 3000053, 3038553,
];
/** Body weight Measured --estimated (LOINC 8335-2). */
export const OMOP_ESTIMATED_WEIGHT_CONCEPT = 3026600;
/** Unit concept of each Sim unit: kg 9529, g 8504, lb 8739, cm 8582, inch 9327, kg/m² 9531. */
export const OMOP_UNIT_CONCEPT: Record<SimUnitCode, number> = [9529, 8504, 8739, 8582, 9327, 9531];
/**
 * Gestational age (LOINC 18185-9). PERSON has no column for it, so it is a
 * MEASUREMENT row, where OHDSI tools (e.g. the HIPPS pregnancy algorithm)
 * look for it.
 */
export const OMOP_GESTATIONAL_AGE_CONCEPT = 3012266;
/** The unit "week" (UCUM `wk`). */
export const OMOP_WEEK_UNIT_CONCEPT = 8511;
/** "EHR" measurement type. */
export const OMOP_EHR_TYPE_CONCEPT = 32817;
const GENDER_CONCEPT = { 1: 8507, 2: 8532 } as const;

/**
 * Writes a cohort as OMOP CDM v5.4 PERSON and MEASUREMENT CSV with every
 * column of the CDM (unknown concepts 0, unknown values empty). `person_id`
 * is the child's position (from 1) and `person_source_value` its id;
 * `measurement_id` the measurement's position (from 1). Values are in their
 * recorded units (see `recordedUnits`), with `unit_concept_id` and the UCUM
 * code as `unit_source_value`; the LOINC code is `measurement_source_value`.
 * After the measurements, one row per recorded gestational age (concept
 * 3012266, weeks to one decimal as the long CSV writes them, dated the birth
 * day), so the measurements keep their ids. Same cohort and options → same bytes.
 */
export function toOmopCsv(cohort: Cohort, options: OmopCsvOptions = {}): OmopCsv {
  const units = recordedUnits(cohort, options);
  const firstGestationId = cohort.measurements.child.length + 1;
  return {
    person: personLines(cohort),
    measurement: measurementLines(cohort, units).concat(gestationLines(cohort, firstGestationId)),
  };
}

function personLines(cohort: Cohort): string[] {
  const { ids, sex, birthDay } = cohort.children;
  const lines = [`${OMOP_PERSON_HEADER}\n`];
  ids.forEach((id, i) => {
    const male = sex[i] === 1;
    const date = isoDate(birthDay[i] ?? 0);
    const [year, month, day] = date.split('-').map(Number);
    lines.push(
      `${i + 1},${GENDER_CONCEPT[male ? 1 : 2]},${year},${month},${day},${date} 00:00:00,0,0,,,,` +
        `${quote(id)},${male ? 'M' : 'F'},0,,0,,0\n`,
    );
  });
  return lines;
}

function measurementLines(cohort: Cohort, units: Uint8Array): string[] {
  const { children, measurements } = cohort;
  const lines = [`${OMOP_MEASUREMENT_HEADER}\n`];
  for (let i = 0; i < measurements.child.length; i += 1) {
    const child = measurements.child[i] ?? 0;
    const kind = (measurements.kind[i] ?? 0) as MeasurementKind;
    const unit = (units[i] ?? 0) as SimUnitCode;
    const estimatedWeight = kind === MeasurementKind.weight && measurements.estimated[i] === 1;
    const concept = estimatedWeight
      ? OMOP_ESTIMATED_WEIGHT_CONCEPT
      : OMOP_MEASUREMENT_CONCEPT[kind];
    const loinc = loincFor(kind, estimatedWeight, measurements.ageDays[i] ?? 0);
    const date = isoDate((children.birthDay[child] ?? 0) + (measurements.ageDays[i] ?? 0));
    const number = recordedValue(measurements.value[i] ?? Number.NaN, unit);
    const value = Number.isNaN(number) ? '' : String(number);
    lines.push(
      `${i + 1},${child + 1},${concept},${date},${date} 00:00:00,,${OMOP_EHR_TYPE_CONCEPT},,` +
        `${value},,${OMOP_UNIT_CONCEPT[unit]},,,,,,${loinc.code},0,${UCUM[unit].code},,${value},,\n`,
    );
  }
  return lines;
}

/** Gestational-age rows, their `measurement_id`s counting on from `firstId`. */
function gestationLines(cohort: Cohort, firstId: number): string[] {
  const { birthDay, gestationalAgeDays } = cohort.children;
  const lines: string[] = [];
  gestationalAgeDays.forEach((days, child) => {
    if (Number.isNaN(days)) return;
    const date = isoDate(birthDay[child] ?? 0);
    const weeks = String(recordedGestationWeeks(days));
    lines.push(
      `${firstId + lines.length},${child + 1},${OMOP_GESTATIONAL_AGE_CONCEPT},${date},` +
        `${date} 00:00:00,,${OMOP_EHR_TYPE_CONCEPT},,${weeks},,${OMOP_WEEK_UNIT_CONCEPT},,,,,,` +
        `${FHIR_LOINC_GESTATIONAL_AGE.code},0,wk,,${weeks},,\n`,
    );
  });
  return lines;
}

/** RFC 4180 quoting, only needed for ids from other sources. */
function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
