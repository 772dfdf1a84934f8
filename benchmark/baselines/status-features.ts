/**
 * Engineered features of the growth.status baseline, computed in TypeScript
 * for fitting. `addStatusFeatures` computes the same features inside the ONNX
 * graph; the two must agree (tested to 1e-4).
 *
 * Growth references are smooth in log measurements against a transformed
 * age, so a logistic model on log stature, log weight, log BMI and log head
 * circumference, with polynomials of log age and their interactions, can draw
 * the age-dependent thresholds behind each label.
 */
import { CentileError } from '../errors.js';
import { STATUS_FEATURES } from '../tasks/growth-status-contract.js';

/** Features computed from one input row, before interactions. */
export const STATUS_BASE_FEATURES = [
  'log_age', // log(age in years + 1)
  'log_age_sq',
  'log_age_cu',
  'log_weight',
  'log_stature',
  'log_bmi', // log weight − 2 log stature: log BMI up to a constant
  'log_head', // 0 when head circumference is missing
  'head_missing',
  'male', // 2 − sex: 1 for male, 0 for female
  'recumbent',
] as const;

/** A base feature name. */
export type StatusBaseFeature = (typeof STATUS_BASE_FEATURES)[number];

/** Products of two base features, so thresholds can move with age. */
export const STATUS_INTERACTIONS: readonly (readonly [StatusBaseFeature, StatusBaseFeature])[] = [
  ['log_age', 'log_weight'],
  ['log_age', 'log_stature'],
  ['log_age', 'log_bmi'],
  ['log_age', 'log_head'],
  ['log_age', 'male'],
  ['log_age_sq', 'log_weight'],
  ['log_age_sq', 'log_stature'],
  ['log_age_sq', 'log_bmi'],
];

/** Names of all engineered features in column order: base features, then interactions. */
export const STATUS_ENGINEERED_FEATURES: readonly string[] = [
  ...STATUS_BASE_FEATURES,
  ...STATUS_INTERACTIONS.map(([a, b]) => `${a}*${b}`),
];

/** Days per year used to turn `age_days` into years. */
export const DAYS_PER_YEAR = 365.25;

const WIDTH = STATUS_FEATURES.length;

/**
 * Engineered features of `n` rows of the contract input (row-major N×6),
 * row-major N×F with F = `STATUS_ENGINEERED_FEATURES.length`. Non-finite
 * inputs other than a missing head circumference give non-finite features.
 */
export function statusFeatures(input: Float32Array, n: number): Float64Array {
  if (!Number.isInteger(n) || n < 0 || input.length !== n * WIDTH) {
    throw new CentileError(
      'invalid-input',
      'BASELINE_INPUT_INVALID',
      `input must hold n rows of ${WIDTH} values`,
    );
  }
  const width = STATUS_ENGINEERED_FEATURES.length;
  const out = new Float64Array(n * width);
  for (let row = 0; row < n; row++) {
    const base = baseFeatures(input.subarray(row * WIDTH, (row + 1) * WIDTH));
    const target = out.subarray(row * width, (row + 1) * width);
    writeRow(base, target);
  }
  return out;
}

function baseFeatures(row: Float32Array): Record<StatusBaseFeature, number> {
  const [sex = NaN, ageDays = NaN, weightKg = NaN, statureCm = NaN, headCm = NaN, recumbent = NaN] =
    row;
  const logAge = Math.log(ageDays / DAYS_PER_YEAR + 1);
  const logWeight = Math.log(weightKg);
  const logStature = Math.log(statureCm);
  const headMissing = Number.isNaN(headCm);
  return {
    log_age: logAge,
    log_age_sq: logAge * logAge,
    log_age_cu: logAge * logAge * logAge,
    log_weight: logWeight,
    log_stature: logStature,
    log_bmi: logWeight - 2 * logStature,
    log_head: headMissing ? 0 : Math.log(headCm),
    head_missing: headMissing ? 1 : 0,
    male: 2 - sex,
    recumbent,
  };
}

function writeRow(base: Record<StatusBaseFeature, number>, target: Float64Array): void {
  STATUS_BASE_FEATURES.forEach((name, j) => {
    target[j] = base[name];
  });
  STATUS_INTERACTIONS.forEach(([a, b], k) => {
    target[STATUS_BASE_FEATURES.length + k] = base[a] * base[b];
  });
}
