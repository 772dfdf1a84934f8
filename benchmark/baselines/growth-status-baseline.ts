/**
 * The reference model of growth.status/v1: per-label logistic regression on
 * engineered features that the ONNX graph computes from the raw contract
 * input, so the baseline is submitted like any other model.
 */
import { CentileError } from '../errors.js';
import { STATUS_FEATURES, STATUS_LABELS } from '../tasks/growth-status-contract.js';
import { fitLogistic } from './fit-logistic.js';
import type { LogisticFitOptions, LogisticModel } from './fit-logistic.js';
import { columnMeans, standardizeColumns } from './standardize-columns.js';
import { STATUS_ENGINEERED_FEATURES, statusFeatures } from './status-features.js';

/**
 * Fitted baseline on raw engineered features x: for each label,
 * p = sigmoid(intercept + Σⱼ coefficient[j] · (x[j] − center[j])).
 * The per-label standardisation is folded into coefficients and intercepts;
 * `center` (the feature means of the training rows) only keeps float32
 * evaluation in the graph from cancelling large terms.
 */
export interface StatusBaselineWeights {
  /** Engineered feature names, in the order of the coefficient rows. */
  readonly features: readonly string[];
  /** One reference value per feature, subtracted before the weights apply. */
  readonly center: Float64Array;
  /** Row-major [feature][label], F×6, labels in `STATUS_LABELS` order. */
  readonly coefficients: Float64Array;
  /** One intercept per label. */
  readonly intercepts: Float64Array;
}

/** Options of `fitStatusBaseline`: those of the per-label logistic fit. */
export type StatusBaselineFitOptions = LogisticFitOptions;

const INPUT_WIDTH = STATUS_FEATURES.length;
const LABEL_COUNT = STATUS_LABELS.length;

/**
 * Fits one L2-regularised logistic regression per label. `input` is N×6 in
 * contract order; `labels` is N×6 in `STATUS_LABELS` order with 1, 0, or −1
 * for an undefined label (skipped). Rows whose features are not finite are
 * skipped for every label.
 */
export function fitStatusBaseline(
  input: Float32Array,
  labels: Int8Array,
  options: StatusBaselineFitOptions = {},
): StatusBaselineWeights {
  const n = input.length / INPUT_WIDTH;
  if (!Number.isInteger(n) || labels.length !== n * LABEL_COUNT) {
    throw new CentileError(
      'invalid-input',
      'BASELINE_INPUT_INVALID',
      'input must be N×6 and labels N×6',
    );
  }
  const f = STATUS_ENGINEERED_FEATURES.length;
  const x = statusFeatures(input, n);
  const finiteRows = rowsWhere(n, (row) =>
    x.subarray(row * f, (row + 1) * f).every(Number.isFinite),
  );
  const center = columnMeans(x, f, finiteRows);
  const coefficients = new Float64Array(f * LABEL_COUNT);
  const intercepts = new Float64Array(LABEL_COUNT);
  for (let label = 0; label < LABEL_COUNT; label++) {
    const y = labelColumn(labels, n, label);
    const rows = finiteRows.filter((row) => (y[row] ?? -1) >= 0);
    // Standardise on this label's own rows: microcephaly rows all have a head
    // circumference, and pooling with the rows where it is 0 would shrink its
    // spread until the penalty swamped it.
    const { z, mean, scale } = standardizeColumns(x, f, rows);
    const model = fitLogistic(z, f, rows, y, options);
    intercepts[label] = foldStandardization(model, { mean, scale, center }, (j, weight) => {
      coefficients[j * LABEL_COUNT + label] = weight;
    });
  }
  return { features: STATUS_ENGINEERED_FEATURES, center, coefficients, intercepts };
}

/**
 * Probabilities of `n` input rows (N×6 in, N×6 out), computed in float64
 * exactly as the ONNX graph computes them in float32.
 */
export function predictStatusBaseline(
  weights: StatusBaselineWeights,
  input: Float32Array,
  n: number,
): Float64Array {
  assertStatusBaselineWeights(weights);
  const f = STATUS_ENGINEERED_FEATURES.length;
  const x = statusFeatures(input, n);
  const out = new Float64Array(n * LABEL_COUNT);
  for (let row = 0; row < n; row++) {
    const features = x.subarray(row * f, (row + 1) * f);
    for (let label = 0; label < LABEL_COUNT; label++) {
      out[row * LABEL_COUNT + label] = 1 / (1 + Math.exp(-logit(weights, features, label)));
    }
  }
  return out;
}

/** intercept + Σⱼ coefficient[j] · (x[j] − center[j]) for one row and label. */
function logit(weights: StatusBaselineWeights, features: Float64Array, label: number): number {
  let score = weights.intercepts[label] ?? 0;
  features.forEach((value, j) => {
    const weight = weights.coefficients[j * LABEL_COUNT + label] ?? 0;
    score += (value - (weights.center[j] ?? 0)) * weight;
  });
  return score;
}

/** Throws `BASELINE_WEIGHTS_INVALID` unless `weights` fit the current feature set and are finite. */
export function assertStatusBaselineWeights(weights: StatusBaselineWeights): void {
  const f = STATUS_ENGINEERED_FEATURES.length;
  const sameFeatures =
    weights.features.length === f &&
    weights.features.every((name, j) => name === STATUS_ENGINEERED_FEATURES[j]);
  if (
    !sameFeatures ||
    weights.center.length !== f ||
    weights.coefficients.length !== f * LABEL_COUNT ||
    weights.intercepts.length !== LABEL_COUNT ||
    !weights.center.every(Number.isFinite) ||
    !weights.coefficients.every(Number.isFinite) ||
    !weights.intercepts.every(Number.isFinite)
  ) {
    throw new CentileError(
      'invalid-input',
      'BASELINE_WEIGHTS_INVALID',
      'weights do not match the baseline features',
    );
  }
}

/**
 * w·(x − μ)/σ + b = (w/σ)·(x − c) + (b + Σ (w/σ)·(c − μ)): hands each
 * weight on centred raw features to `store` and returns the intercept.
 */
function foldStandardization(
  model: LogisticModel,
  { mean, scale, center }: { mean: Float64Array; scale: Float64Array; center: Float64Array },
  store: (feature: number, weight: number) => void,
): number {
  let intercept = model.intercept;
  model.weights.forEach((standardized, j) => {
    const weight = standardized / (scale[j] ?? 1);
    store(j, weight);
    intercept += weight * ((center[j] ?? 0) - (mean[j] ?? 0));
  });
  return intercept;
}

function rowsWhere(n: number, keep: (row: number) => boolean): number[] {
  const rows: number[] = [];
  for (let row = 0; row < n; row++) if (keep(row)) rows.push(row);
  return rows;
}

/** One label's column as a per-row Int8Array (1, 0 or −1). */
function labelColumn(labels: Int8Array, n: number, label: number): Int8Array {
  const y = new Int8Array(n);
  for (let row = 0; row < n; row++) y[row] = labels[row * LABEL_COUNT + label] ?? -1;
  return y;
}
