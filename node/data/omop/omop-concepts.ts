/**
 * The OMOP CDM v5.4 standard concepts a node reads (DESIGN §5): which
 * `measurement_concept_id` is which growth measurement, which
 * `unit_concept_id` is which unit, and which `gender_concept_id` is which
 * sex. Concept ids are the OHDSI standard vocabulary's (LOINC- and
 * UCUM-derived); every other concept is ignored, never guessed.
 */
import type { Sex } from '../../../benchmark/cohort.js';

/**
 * What a growth concept measures. `stature` is length or height: OMOP has no
 * body position, so the reader decides by age.
 */
export type OmopGrowthKind = 'weight' | 'stature' | 'headCircumference' | 'bmi';

/** A growth measurement concept. */
export interface OmopGrowthConcept {
  readonly kind: OmopGrowthKind;
  /** True for stated (reported) or estimated values, which are not measured. */
  readonly estimated: boolean;
}

const measured = (kind: OmopGrowthKind): OmopGrowthConcept => ({ kind, estimated: false });
const estimated = (kind: OmopGrowthKind): OmopGrowthConcept => ({ kind, estimated: true });

/** Growth concepts by `measurement_concept_id` (LOINC code in the comment). */
export const GROWTH_CONCEPTS: ReadonlyMap<string, OmopGrowthConcept> = new Map([
  ['3036277', measured('stature')], // 8302-2 Body height
  ['3023540', measured('stature')], // 3137-7 Body height Measured
  ['3019171', estimated('stature')], // 3138-5 Body height Stated
  ['3025315', measured('weight')], // 29463-7 Body weight
  ['3013762', measured('weight')], // 3141-9 Body weight Measured
  ['3023166', estimated('weight')], // 3142-7 Body weight Stated
  ['3026600', estimated('weight')], // 8335-2 Body weight Estimated
  ['3038553', measured('bmi')], // 39156-5 Body mass index (BMI) [Ratio]
  ['3000053', measured('headCircumference')], // 9843-4 Head Occipital-frontal circumference
]);

/**
 * Gestational-age concepts by `measurement_concept_id` (LOINC in the
 * comment), the FHIR adapter's gestational-age codes that have a standard
 * concept. PERSON has no column for gestational age, so ETLs and OHDSI tools
 * (e.g. the HIPPS pregnancy algorithm) keep it in MEASUREMENT.
 */
export const GESTATION_CONCEPTS: ReadonlySet<string> = new Set([
  '3012266', // 18185-9 Gestational age
  '3048230', // 49051-6 Gestational age in weeks
  '3002209', // 11884-4 Gestational age Estimated
]);

/** Units of a gestational age by `unit_concept_id`: 8511 week, 8512 day (UCUM `wk`, `d`). */
export const GESTATION_UNIT_CONCEPTS: ReadonlyMap<string, GestationUnit> = new Map([
  ['8511', 'wk'],
  ['8512', 'd'],
]);

/** Units of a gestational age by `unit_source_value` (case-insensitive), when the concept is 0 or empty. */
export const GESTATION_UNIT_SOURCE_VALUES: ReadonlyMap<string, GestationUnit> = new Map([
  ['wk', 'wk'],
  ['week', 'wk'],
  ['weeks', 'wk'],
  ['d', 'd'],
  ['day', 'd'],
  ['days', 'd'],
]);

/** A gestational age's unit, as UCUM spells it. */
export type GestationUnit = 'wk' | 'd';

/**
 * Body position by `measurement_source_value` for a stature concept: OMOP
 * maps LOINC 8306-3 (Body height --lying) and 8308-9 (--standing) to plain
 * body height, but an ETL that keeps the LOINC code as the source value
 * keeps the position, and a recorded position beats a guess from age.
 */
export const STATURE_POSITION_SOURCES: ReadonlyMap<string, 'recumbent' | 'standing'> = new Map([
  ['8306-3', 'recumbent'],
  ['8308-9', 'standing'],
]);

/**
 * Units by `unit_concept_id`, as the unit names of `measurement-units.ts`.
 * 8739 is "pound (US)" in the vocabulary (UCUM `[lb_us]`), but in clinical
 * data it is the avoirdupois pound FHIR sends as `[lb_av]`: mapped by meaning.
 * 9330, the US survey inch, differs from the international inch by 2 ppm
 * and in an EHR is a mislabelled international inch: both are 2.54 cm.
 */
export const UNIT_CONCEPTS: ReadonlyMap<string, string> = new Map([
  ['8582', 'cm'],
  ['9546', 'm'],
  ['9327', 'in'],
  ['9330', 'in'],
  ['9529', 'kg'],
  ['8504', 'g'],
  ['8739', 'lb'],
  ['9373', 'oz'],
  ['9531', 'kg/m2'],
]);

/**
 * Units by `unit_source_value` (compared case-insensitively), used only when
 * `unit_concept_id` is 0 or empty, i.e. the site's ETL did not map the unit:
 * UCUM codes plus the plain spellings real feeds carry.
 */
export const UNIT_SOURCE_VALUES: ReadonlyMap<string, string> = new Map([
  ['cm', 'cm'],
  ['mm', 'mm'],
  ['m', 'm'],
  ['[in_i]', 'in'],
  ['[in_us]', 'in'],
  ['in', 'in'],
  ['kg', 'kg'],
  ['g', 'g'],
  ['[lb_av]', 'lb'],
  ['[lb_us]', 'lb'],
  ['lb', 'lb'],
  ['lbs', 'lb'],
  ['[oz_av]', 'oz'],
  ['oz', 'oz'],
  ['kg/m2', 'kg/m2'],
  ['kg/m^2', 'kg/m2'],
  ['kg/m²', 'kg/m2'],
]);

/** Sex by `gender_concept_id`: 8507 MALE, 8532 FEMALE; anything else is not a sex at birth. */
export const GENDER_CONCEPTS: ReadonlyMap<string, Sex> = new Map([
  ['8507', 1],
  ['8532', 2],
]);

/** The `unit_concept_id` OMOP uses for "no matching concept". */
export const NO_MATCHING_CONCEPT = '0';
