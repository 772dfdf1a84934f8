/**
 * How a task baseline turns the contract input (NaN = missing) into network
 * inputs: each column standardised with the mean and spread of its measured
 * training values, a missing value replaced by 0 (that mean), and a 0/1 missing indicator appended for
 * each column that was sometimes missing in training — in history tasks
 * *which* visits exist says as much as their values.
 */
import { standardizeColumns } from './standardize-columns.js';

/** Fitted input handling of a task baseline. */
export interface BaselineInputs {
  /** Width of the contract input. */
  readonly width: number;
  /** Per input column: the training mean of its measured values (what a NaN stands for). */
  readonly center: Float64Array;
  /** Per input column: the standard deviation of its measured values, 1 when constant. */
  readonly scale: Float64Array;
  /** Input columns, ascending, that get a missing indicator: measured and missing in training. */
  readonly indicators: readonly number[];
}

/** Fits the input handling on `rows` rows of row-major `features` (rows × width). */
export function fitBaselineInputs(
  features: Float32Array,
  rows: number,
  width: number,
): BaselineInputs {
  const center = new Float64Array(width);
  const scale = new Float64Array(width);
  const indicators: number[] = [];
  for (let j = 0; j < width; j += 1) {
    const column = Float64Array.from(
      { length: rows },
      (_, row) => features[row * width + j] as number,
    );
    const measured = measuredRows(column);
    // Statistics of the measured values only: a mostly missing column keeps its real spread.
    const { mean, scale: sd } = standardizeColumns(column, 1, measured);
    center[j] = mean[0] as number;
    scale[j] = sd[0] as number;
    if (measured.length > 0 && measured.length < rows) indicators.push(j);
  }
  return { width, center, scale, indicators };
}

/** Width of the network input: the contract columns, then the missing indicators. */
export function networkInputWidth(inputs: BaselineInputs): number {
  return inputs.width + inputs.indicators.length;
}

/** Network inputs (rows × `networkInputWidth`) of `rows` rows of the contract input. */
export function toNetworkInputs(
  inputs: BaselineInputs,
  features: Float32Array,
  rows: number,
): Float64Array {
  const { width, center, scale, indicators } = inputs;
  const networkWidth = networkInputWidth(inputs);
  const x = new Float64Array(rows * networkWidth);
  for (let row = 0; row < rows; row += 1) {
    const at = row * networkWidth;
    for (let j = 0; j < width; j += 1) {
      const value = features[row * width + j] as number;
      x[at + j] = Number.isNaN(value) ? 0 : (value - (center[j] as number)) / (scale[j] as number);
    }
    indicators.forEach((column, k) => {
      x[at + width + k] = Number.isNaN(features[row * width + column]) ? 1 : 0;
    });
  }
  return x;
}

/** Positions of the non-NaN values. */
function measuredRows(column: Float64Array): number[] {
  const rows: number[] = [];
  column.forEach((value, row) => {
    if (!Number.isNaN(value)) rows.push(row);
  });
  return rows;
}
