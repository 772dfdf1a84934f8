/**
 * A metric estimated from one release vector (one site's, or several summed)
 * with the variance it has from the two sources of error a reader must see:
 * which children happened to be in the cohort (sampling) and the DP noise
 * added to every released cell. The two are independent (the noise is drawn
 * independently of the data), so their variances add.
 */

/** A point estimate and its variance; what a meta-analysis pools. */
export interface MetricEstimate {
  /** The metric of the noisy counts, equal to the reported metric. */
  readonly estimate: number;
  /** `samplingVariance + noiseVariance`. */
  readonly variance: number;
  readonly samplingVariance: number;
  /** First-order (delta-method) variance from the cells' DP noise. */
  readonly noiseVariance: number;
  /** Examples behind the estimate (noisy sums): positives + negatives, or valid predictions. */
  readonly n: number;
}
