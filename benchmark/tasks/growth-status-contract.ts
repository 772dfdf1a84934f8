/**
 * The public model contract of `growth.status/v1`: what a model owner builds
 * against. One example per child: the child's most recent visit that has both
 * a weight and a length or height (head circumference from the same day when
 * measured).
 */

export const GROWTH_STATUS_TASK_ID = 'growth.status';
export const GROWTH_STATUS_VERSION = 1;

/** Name of the single input tensor: float32 [N, 6]. */
export const STATUS_INPUT_NAME = 'features';

/**
 * Feature order of the input tensor. Missing values are NaN.
 * - `sex`: 1 male, 2 female
 * - `age_days`: age at the visit in whole days
 * - `weight_kg`
 * - `stature_cm`: recumbent length or standing height as measured
 * - `head_circumference_cm`: NaN when not measured at that visit
 * - `recumbent`: 1 when stature is a recumbent length, 0 when standing height
 */
export const STATUS_FEATURES = [
  'sex',
  'age_days',
  'weight_kg',
  'stature_cm',
  'head_circumference_cm',
  'recumbent',
] as const;

/** Name of the single output tensor: float32 [N, 6], probabilities in [0, 1]. */
export const STATUS_OUTPUT_NAME = 'probabilities';

/** Output column order: one probability per label. */
export const STATUS_LABELS = [
  'stunting',
  'wasting',
  'underweight',
  'overweight',
  'obesity',
  'microcephaly',
] as const;
export type StatusLabel = (typeof STATUS_LABELS)[number];

/** Public score bins: equal width on [0, 1]; an extra cell counts invalid outputs. */
export const STATUS_SCORE_BINS = 20;
