/**
 * Noisy counts as the statistics read them: as released, negative cells
 * too, exactly like the reported metrics (benchmark/metrics/noisy-counts.ts
 * says why), so every estimate here describes the reported number.
 */
import { statsError } from './stats-errors.js';

/** Throws `STATS_INPUT_INVALID` unless every cell is a finite number. */
export function assertFiniteCounts(noisy: readonly number[]): void {
  if (!noisy.every(Number.isFinite)) {
    throw statsError('STATS_INPUT_INVALID', 'count is not finite');
  }
}
