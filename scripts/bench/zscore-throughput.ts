/**
 * z-score throughput (issue 3 §4: at least 5 million per second on one core
 * for typed-array batches), next to a trivial pass over the same arrays.
 */
import type { BenchCase, BenchFigure } from './bench-case.js';
import { throughputFigure } from './bench-case.js';
import { runProbe } from './run-probe.js';

const RUNS = 5;

interface ProbeResult {
  readonly rows: number;
  readonly scoreMs: number;
  readonly floorMs: number;
}

/** `scoreBatch` on WHO 2006 weight-for-age, median of 5 runs in a fresh process. */
export const zscoreThroughput: BenchCase = {
  name: 'zscores',
  title: 'z-scores (scoreBatch, WHO wfa)',
  async run(context): Promise<BenchFigure> {
    const rows = context.full ? 10_000_000 : 2_000_000;
    context.log(`scoring ${rows.toLocaleString('en')} cases in a fresh process`);
    const probe = await runProbe<ProbeResult>('zscore-probe.ts', [String(rows), String(RUNS)]);
    return throughputFigure(
      { count: probe.rows, ms: probe.scoreMs, floorMs: probe.floorMs },
      {
        unit: 'z-scores/s',
        target: 5_000_000,
        floorWhat: 'one arithmetic pass over the same arrays',
        floorUnit: 'rows/s',
      },
      { rows: probe.rows, scoreMs: probe.scoreMs, floorMs: probe.floorMs, runs: RUNS },
    );
  },
};
