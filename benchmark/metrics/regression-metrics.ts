/**
 * The exact metrics of a regression model (e.g. `growth.forecast`'s weight
 * and stature), with scikit-learn 1.2.1's definitions.
 */
import { CentileError } from '../errors.js';
import { createCompensatedSum } from './compensated-sum.js';

/** The metric names, in the order they are reported. */
export const REGRESSION_METRIC_KEYS = ['n', 'mae', 'rmse', 'mape', 'bias'] as const;

/** Metrics of one set of examples, in the targets' unit (MAPE is a fraction); `null` for none. */
export interface RegressionMetrics {
  readonly n: number;
  /** Mean absolute error. */
  readonly mae: number | null;
  /** Root mean squared error. */
  readonly rmse: number | null;
  /** Mean of |error| / max(|target|, ε): a fraction, not per cent. */
  readonly mape: number | null;
  /** Mean of prediction − target: positive when the model over-predicts. */
  readonly bias: number | null;
}

/**
 * The floor of MAPE's denominator, as in `mean_absolute_percentage_error`
 * (NumPy's float64 epsilon): a zero target gives a huge but finite term.
 */
export const MAPE_EPSILON = Number.EPSILON;

/**
 * Exact metrics of `predictions` against `targets` (finite, same length).
 * @throws CentileError `METRIC_INPUT_INVALID` otherwise.
 */
export function regressionMetrics(
  targets: Float64Array | Float32Array,
  predictions: Float64Array | Float32Array,
): RegressionMetrics {
  assertRegressionInput(targets, predictions);
  const n = targets.length;
  if (n === 0) return { n, mae: null, rmse: null, mape: null, bias: null };
  const absolute = createCompensatedSum();
  const squared = createCompensatedSum();
  const relative = createCompensatedSum();
  const signed = createCompensatedSum();
  for (let i = 0; i < n; i++) {
    const target = targets[i] as number;
    const error = (predictions[i] as number) - target;
    absolute.add(Math.abs(error));
    squared.add(error * error);
    relative.add(Math.abs(error) / Math.max(Math.abs(target), MAPE_EPSILON));
    signed.add(error);
  }
  return {
    n,
    mae: absolute.total() / n,
    rmse: Math.sqrt(squared.total() / n),
    mape: relative.total() / n,
    bias: signed.total() / n,
  };
}

/** @throws CentileError `METRIC_INPUT_INVALID` for unequal lengths or a value that is not finite. */
export function assertRegressionInput(
  targets: Float64Array | Float32Array,
  predictions: Float64Array | Float32Array,
): void {
  const invalid = (message: string) =>
    new CentileError('invalid-input', 'METRIC_INPUT_INVALID', message);
  if (targets.length !== predictions.length) {
    throw invalid('targets and predictions differ in length');
  }
  for (let i = 0; i < targets.length; i++) {
    if (!Number.isFinite(targets[i]) || !Number.isFinite(predictions[i])) {
      throw invalid('a target or prediction is not a finite number');
    }
  }
}
