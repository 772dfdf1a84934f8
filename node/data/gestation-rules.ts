/** What every adapter accepts as a child's gestational age at birth. */

/** Plausible gestational age at birth in weeks, inclusive. */
export const GESTATION_WEEKS_RANGE: readonly [min: number, max: number] = [20, 45];

/**
 * A gestational age dated at this age in days (10 years) or later is a
 * pregnancy's, kept in the mother's own record, not her own gestational
 * age at birth: such records are ignored, never read as the person's.
 */
export const GESTATION_OWN_BELOW_AGE_DAYS = 3653;
