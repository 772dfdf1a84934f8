/**
 * Column standardisation for fitting. Newton steps and the L2 penalty behave
 * alike for every feature only when features share one scale; the fitted
 * weights are mapped back afterwards so the model consumes raw features.
 */

/** Standardised matrix and the per-column mean and scale that produced it. */
export interface StandardizedColumns {
  /** Row-major n×f; rows not in `rows` are left at 0. */
  readonly z: Float64Array;
  readonly mean: Float64Array;
  /** Standard deviation, or 1 for a constant column (it then standardises to 0). */
  readonly scale: Float64Array;
}

/** Standardises the f columns of row-major `x` using only the listed rows. */
export function standardizeColumns(
  x: Float64Array,
  f: number,
  rows: readonly number[],
): StandardizedColumns {
  const mean = new Float64Array(f);
  const scale = new Float64Array(f);
  const z = new Float64Array(x.length);
  const means = columnMeans(x, f, rows);
  for (let j = 0; j < f; j++) {
    const mu = means[j] ?? 0;
    let squares = 0;
    for (const row of rows) squares += ((x[row * f + j] ?? 0) - mu) ** 2;
    const sd = rows.length > 0 ? Math.sqrt(squares / rows.length) : 0;
    mean[j] = mu;
    scale[j] = sd > 1e-12 ? sd : 1;
    for (const row of rows) z[row * f + j] = ((x[row * f + j] ?? 0) - mu) / (scale[j] ?? 1);
  }
  return { z, mean, scale };
}

/** Mean of each of the f columns of row-major `x` over the listed rows (0 when none). */
export function columnMeans(x: Float64Array, f: number, rows: readonly number[]): Float64Array {
  const means = new Float64Array(f);
  if (rows.length === 0) return means;
  for (const row of rows) {
    for (let j = 0; j < f; j++) means[j] = (means[j] ?? 0) + (x[row * f + j] ?? 0);
  }
  return means.map((sum) => sum / rows.length);
}
