/**
 * The FHIR codes that make an Observation a growth measurement (LOINC, DESIGN
 * §5), the body positions that tell length from height, and the methods that
 * mark a value as estimated. Tables, not logic: a site that needs another
 * code adds a row here.
 */

/** What an Observation measures, before length vs height is decided. */
export const Quantity = {
  weight: 0,
  /** Length or height: decided by code, body position or age. */
  stature: 1,
  headCircumference: 2,
  bmi: 3,
  /** Gestational age at birth (a property of the child, not a measurement). */
  gestation: 4,
} as const;
export type Quantity = (typeof Quantity)[keyof typeof Quantity];

/** Body position during a stature measurement. */
export const Position = { unknown: 0, recumbent: 1, standing: 2 } as const;
export type Position = (typeof Position)[keyof typeof Position];

/** What one LOINC code says. */
export interface GrowthCode {
  readonly quantity: Quantity;
  /** Stated (reported) or estimated rather than measured. */
  readonly estimated: boolean;
  /** Position fixed by the code itself (8306-3 lying, 8308-9 standing). */
  readonly position: Position;
}

export const LOINC_SYSTEM = 'http://loinc.org';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';

const code = (quantity: Quantity, estimated = false, position: Position = Position.unknown) =>
  Object.freeze({ quantity, estimated, position });

/**
 * Growth LOINC codes. Percentile codes (59576-9, 77606-2, 8289-1) are not
 * here on purpose: z-scores are recomputed from raw values with one declared
 * reference, never taken from the hospital's own chart software.
 */
export const GROWTH_LOINC: ReadonlyMap<string, GrowthCode> = new Map([
  ['8302-2', code(Quantity.stature)], // Body height (often used for length too)
  ['3137-7', code(Quantity.stature)], // Body height Measured
  ['3138-5', code(Quantity.stature, true)], // Body height Stated
  ['8306-3', code(Quantity.stature, false, Position.recumbent)], // Body height --lying
  ['8308-9', code(Quantity.stature, false, Position.standing)], // Body height --standing
  ['29463-7', code(Quantity.weight)], // Body weight
  ['3141-9', code(Quantity.weight)], // Body weight Measured
  ['3142-7', code(Quantity.weight, true)], // Body weight Stated
  ['8335-2', code(Quantity.weight, true)], // Body weight Estimated
  ['8350-1', code(Quantity.weight)], // Body weight Measured --with clothes
  ['8351-9', code(Quantity.weight)], // Body weight Measured --without clothes
  ['39156-5', code(Quantity.bmi)], // Body mass index (BMI) [Ratio]
  ['9843-4', code(Quantity.headCircumference)], // Head Occipital-frontal circumference
  ['8287-5', code(Quantity.headCircumference)], // Head Occipital-frontal circumference by Tape
  ['18185-9', code(Quantity.gestation)], // Gestational age
  ['49051-6', code(Quantity.gestation)], // Gestational age in weeks
  ['11884-4', code(Quantity.gestation)], // Gestational age Estimated
  ['76516-4', code(Quantity.gestation)], // Gestational age by Estimated date of delivery
]);

/** The extension that carries body position when the code does not (FHIR core, Vital Signs IG). */
export const BODY_POSITION_EXTENSION =
  'http://hl7.org/fhir/StructureDefinition/observation-bodyPosition';

/**
 * SNOMED CT body positions (Vital Signs IG `heightBodyPositionVS`). Lying
 * positions mean recumbent length; orthostatic means standing height. Sitting,
 * Fowler's and Trendelenburg say nothing about length vs height, so age decides.
 */
export const BODY_POSITIONS: ReadonlyMap<string, Position> = new Map([
  ['102538003', Position.recumbent], // Recumbent
  ['40199007', Position.recumbent], // Supine
  ['1240000', Position.recumbent], // Prone
  ['102536004', Position.recumbent], // Left lateral decubitus
  ['102535000', Position.recumbent], // Right lateral decubitus
  ['10904000', Position.standing], // Orthostatic (standing)
]);

/** SNOMED CT `Observation.method` values (Vital Signs IG) that mean the value was not measured. */
export const NOT_MEASURED_METHODS: ReadonlySet<string> = new Set([
  '414135002', // Estimated
  '733985002', // Reported
]);

/** The US Core extension for sex assigned at birth (`valueCode` M, F or UNK). */
export const US_CORE_BIRTH_SEX = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex';

/**
 * Below this age in days a stature without a known position is a recumbent
 * length: WHO and CDC measure length under 2 years (731 days covers the leap day).
 */
export const RECUMBENT_BELOW_AGE_DAYS = 731;
