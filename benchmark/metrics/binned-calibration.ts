/**
 * Brier score and ECE from the two class histograms over `bins` equal-width
 * bins on [0, 1]; bin b holds scores in [b/bins, (b+1)/bins) (the last one
 * closed). Estimates put every score at its bin's midpoint; bounds put the
 * scores at the ends of their bins that make the metric smallest or largest.
 */
import type { BinnedEstimate, ClassCounts } from './binned-estimate.js';
import { clippedEstimate } from './binned-estimate.js';
import { ECE_BINS } from './expected-calibration-error.js';

/**
 * Brier score: negatives add s², positives (1 − s)², each increasing or
 * decreasing in s, so the extremes are at the bin ends. The midpoint
 * estimate is within 1/bins of the exact score. `null` for no example.
 * A ratio of sums of cells, so noisy cells are read as released
 * (noisy-counts.ts) and the result clipped to [0, 1].
 */
export function binnedBrier(negative: ClassCounts, positive: ClassCounts): BinnedEstimate | null {
  const bins = negative.length;
  let total = 0;
  let value = 0;
  let lower = 0;
  let upper = 0;
  negative.forEach((n, bin) => {
    const p = positive[bin] as number;
    const [low, high] = [bin / bins, (bin + 1) / bins];
    const middle = (low + high) / 2;
    total += n + p;
    value += n * middle ** 2 + p * (1 - middle) ** 2;
    lower += n * low ** 2 + p * (1 - high) ** 2;
    upper += n * high ** 2 + p * (1 - low) ** 2;
  });
  if (!(total > 0)) return null;
  return clippedEstimate(value / total, { lower: lower / total, upper: upper / total }, [0, 1]);
}

/**
 * ECE over its 10 bins, each the union of bins/10 histogram bins (`null`
 * unless bins is a multiple of 10, or for no example). In an ECE bin the
 * mean label is known exactly and the mean score only to within one
 * histogram bin width w: between m = Σ n_h·low_h / n and m + w. The ECE bin
 * adds |mean label − mean score| weighted by its share of examples, so the
 * midpoint estimate is within w/2 = 1/(2·bins) of the exact ECE.
 * From counts ≥ 0 (noisy cells clamped first: noisy-counts.ts).
 */
export function binnedEce(negative: ClassCounts, positive: ClassCounts): BinnedEstimate | null {
  const bins = negative.length;
  if (bins % ECE_BINS !== 0) return null;
  const perEceBin = bins / ECE_BINS;
  const width = 1 / bins;
  let total = 0;
  const sums = { value: 0, lower: 0, upper: 0 };
  for (let eceBin = 0; eceBin < ECE_BINS; eceBin++) {
    const cell = eceCell(negative, positive, eceBin * perEceBin, perEceBin, bins);
    if (cell.count === 0) continue;
    total += cell.count;
    const meanLabel = cell.positives / cell.count;
    const low = cell.lowSum / cell.count;
    const high = low + width;
    const distance = meanLabel < low ? low - meanLabel : Math.max(0, meanLabel - high);
    sums.value += cell.count * Math.abs(meanLabel - (low + width / 2));
    sums.lower += cell.count * distance;
    sums.upper += cell.count * Math.max(Math.abs(meanLabel - low), Math.abs(meanLabel - high));
  }
  if (total === 0) return null;
  const { value, lower, upper } = sums;
  return { value: value / total, bounds: { lower: lower / total, upper: upper / total } };
}

/** Counts of the ECE bin made of histogram bins [first, first + span), and Σ count·lower edge. */
function eceCell(
  negative: ClassCounts,
  positive: ClassCounts,
  first: number,
  span: number,
  bins: number,
): { count: number; positives: number; lowSum: number } {
  let count = 0;
  let positives = 0;
  let lowSum = 0;
  for (let bin = first; bin < first + span; bin++) {
    const n = (negative[bin] as number) + (positive[bin] as number);
    count += n;
    positives += positive[bin] as number;
    lowSum += n * (bin / bins);
  }
  return { count, positives, lowSum };
}
